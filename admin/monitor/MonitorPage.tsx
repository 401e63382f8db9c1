import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Badge, Button, Card, Col, Row, Select, Space, Statistic, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MONITOR_STATUSES, type Wallboard, type WallboardAgent } from '../../shared/protocol/rest-monitor.js';
import { HiddenCaption, PageFrame } from '../app/PageFrame.js';
import { EChart } from './EChart.js';
import { formatDuration, formatPercent, STATUS_COLORS } from './format.js';
import { TimelineDrawer } from './TimelineDrawer.js';
import { keyOf, useWallboard } from './useWallboard.js';
import { connectWallboard, type ConnectWallboard } from './wallboard-socket.js';

/** Now, once a second: the time-in-status and waiting clocks tick locally from the server's timestamps. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * 实时监控: the wallboard of the company or one group, pushed by the server. Cards with the big
 * numbers, the agents by status as a chart, the agents with their time in status; an agent's row
 * opens their day. 全屏 turns it into a 电视墙.
 */
export function MonitorPage({ connect = connectWallboard }: { connect?: ConnectWallboard }) {
  const { t } = useTranslation();
  const { boards, live, error } = useWallboard(connect);
  const [selected, setSelected] = useState<string | null>(null);
  const [drawerAgent, setDrawerAgent] = useState<WallboardAgent | null>(null);
  const [fullscreen, setFullscreen] = useState(false);
  const wall = useRef<HTMLDivElement>(null);
  const now = useNow();

  // An admin starts on the total, a leader on their one group.
  const options = [...boards.values()].map((b) => ({ value: keyOf(b.groupId), label: b.groupName ?? t('monitor.allGroups') }));
  const key = selected ?? (boards.has('') ? '' : (options[0]?.value ?? ''));
  const board: Wallboard | undefined = boards.get(key);

  useEffect(() => {
    const follow = () => setFullscreen(document.fullscreenElement === wall.current && wall.current !== null);
    document.addEventListener('fullscreenchange', follow);
    return () => document.removeEventListener('fullscreenchange', follow);
  }, []);
  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen?.();
    else void wall.current?.requestFullscreen?.();
  };

  const statusName = (s: string) => t(`monitor.status.${s}`);
  const chart = useMemo(
    () =>
      board && {
        option: {
          grid: { left: 48, right: 16, top: 16, bottom: 24 },
          xAxis: { type: 'category', data: MONITOR_STATUSES.map(statusName) },
          yAxis: { type: 'value', minInterval: 1 },
          series: [{ type: 'bar', data: MONITOR_STATUSES.map((s) => ({ value: board.byStatus[s], itemStyle: { color: STATUS_COLORS[s] } })) }],
        },
        label: t('monitor.chartLabel', { summary: MONITOR_STATUSES.map((s) => `${statusName(s)} ${board.byStatus[s]}`).join('，') }),
      },
    [board, t],
  );

  const unknown = t('monitor.unknown');
  const columns: ColumnsType<WallboardAgent> = [
    {
      title: t('monitor.agent'),
      key: 'agent',
      render: (_, a) => (
        <Button type="link" onClick={() => setDrawerAgent(a)} aria-label={t('monitor.timelineOf', { name: a.nickname })}>
          {a.nickname}
        </Button>
      ),
    },
    {
      title: t('monitor.cards.agents'),
      key: 'status',
      render: (_, a) => (
        <Space size={4}>
          {/* The colour is the dot's; the status word keeps the page's text colour, readable on any row. */}
          <Badge color={STATUS_COLORS[a.status]} text={statusName(a.status)} />
          {a.notResponding && <Tag color="red">{t('monitor.notResponding')}</Tag>}
        </Space>
      ),
    },
    { title: t('monitor.inStatus'), key: 'since', render: (_, a) => (a.statusSince === null ? unknown : formatDuration(now - a.statusSince)) },
    {
      title: t('monitorPhone.column'),
      key: 'phone',
      // 通话中 and the time on the line; nothing while the workstation reports no phone.
      render: (_, a) =>
        a.phone === null
          ? t('monitorPhone.none')
          : a.phoneSince === null
            ? t(`monitorPhone.status.${a.phone}`)
            : t('monitorPhone.statusFor', { status: t(`monitorPhone.status.${a.phone}`), duration: formatDuration(now - a.phoneSince) }),
    },
    { title: t('monitor.load'), key: 'load', align: 'right', render: (_, a) => `${a.load} / ${a.maxConcurrent}` },
  ];

  const today = board?.today;
  const stat = (title: string, value: string | number | null, extra?: string) => (
    <Col xs={12} md={8} xl={4}>
      <Card size="small">
        <Statistic title={title} value={value ?? unknown} />
        {extra && <div className="admin-muted">{extra}</div>}
      </Card>
    </Col>
  );

  return (
    <PageFrame title={t('monitor.title')} error={error}>
      <div ref={wall} className="admin-monitor-wall" style={fullscreen ? { background: '#fff', padding: 24, overflow: 'auto' } : undefined}>
        <Space style={{ marginBottom: 16 }} wrap>
          <Select aria-label={t('monitor.group')} style={{ minWidth: 200 }} value={key} options={options} onChange={(value: string) => setSelected(value)} />
          <Button icon={fullscreen ? <FullscreenExitOutlined /> : <FullscreenOutlined />} onClick={toggleFullscreen}>
            {fullscreen ? t('monitor.exitFullscreen') : t('monitor.fullscreen')}
          </Button>
          {live ? <Tag color="green">{t('monitor.live')}</Tag> : <Alert type="warning" showIcon title={t('monitor.reconnecting')} />}
        </Space>
        {board && today && (
          <>
            <Row gutter={[12, 12]}>
              {stat(t('monitor.cards.queue'), board.queue.length)}
              {stat(t('monitor.cards.longestWait'), board.queue.oldestQueuedAt === null ? null : formatDuration(now - board.queue.oldestQueuedAt))}
              {stat(t('monitor.cards.load'), `${board.load.active} / ${board.load.capacity}`)}
              {stat(t('monitor.cards.calls'), board.callsInProgress)}
              {stat(t('monitor.cards.abandoned'), today.abandoned)}
              {stat(t('monitor.cards.offered'), today.offered)}
              {stat(t('monitor.cards.answered'), today.answered)}
              {stat(t('monitor.cards.answerRate'), formatPercent(today.answerRate))}
              {stat(t('monitor.cards.firstResponse'), formatDuration(today.avgFirstResponseMs))}
              {stat(t('monitor.cards.handling'), formatDuration(today.avgHandlingMs))}
              {stat(
                t('monitor.cards.satisfaction'),
                today.satisfaction.average === null ? null : today.satisfaction.average.toFixed(2),
                t('monitor.cards.satisfactionDetail', { count: today.satisfaction.count, satisfied: today.satisfaction.satisfied }),
              )}
            </Row>
            <Card size="small" title={t('monitor.cards.agents')} style={{ marginTop: 12 }}>
              {chart && <EChart option={chart.option} label={chart.label} />}
            </Card>
            <Table<WallboardAgent>
              style={{ marginTop: 12 }}
              rowKey="id"
              size="small"
              pagination={false}
              columns={columns}
              dataSource={board.agents}
              caption={<HiddenCaption text={t('monitor.table')} />}
            />
          </>
        )}
      </div>
      <TimelineDrawer agent={drawerAgent} onClose={() => setDrawerAgent(null)} />
    </PageFrame>
  );
}
