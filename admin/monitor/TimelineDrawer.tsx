import { Descriptions, Drawer, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MONITOR_STATUSES, type AgentTimeline, type TimelineEntry } from '../../shared/protocol/rest-monitor.js';
import { useApi } from '../api/ApiContext.js';
import { useRemote } from '../api/useRemote.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLanguage } from '../i18n/index.js';
import { EChart } from './EChart.js';
import { formatDuration, STATUS_COLORS } from './format.js';

/** The day's stretches of status as one horizontal bar (ECharts custom series over time). */
function timelineOption(timeline: AgentTimeline, statusName: (s: string) => string): Record<string, unknown> {
  return {
    grid: { left: 8, right: 8, top: 8, bottom: 24 },
    xAxis: { type: 'time', min: timeline.dayStart, max: timeline.dayEnd },
    yAxis: { type: 'category', data: [''], show: false },
    tooltip: { formatter: (p: { data: { name: string } }) => p.data.name },
    series: [
      {
        type: 'custom',
        renderItem: (
          _: unknown,
          api: { value(i: number): number; coord(v: [number, number]): [number, number]; size(v: [number, number]): [number, number] },
        ) => {
          const start = api.coord([api.value(0), 0]);
          const end = api.coord([api.value(1), 0]);
          const height = api.size([0, 1])[1] * 0.6;
          return {
            type: 'rect',
            shape: { x: start[0], y: start[1] - height / 2, width: Math.max(end[0] - start[0], 1), height },
            style: { fill: STATUS_COLORS[MONITOR_STATUSES[api.value(2)]!] },
          };
        },
        encode: { x: [0, 1], y: 0 },
        data: timeline.segments.map((s) => ({ name: statusName(s.status), value: [s.from, s.to, MONITOR_STATUSES.indexOf(s.status)] })),
      },
    ],
  };
}

/** An agent's day: the status timeline chart, the time per status, and every entry. */
export function TimelineDrawer({ agent, onClose }: { agent: { id: string; nickname: string } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const language = currentLanguage();
  const timeline = useRemote(
    () => (agent ? api.call('agentTimeline', { params: { id: agent.id }, query: {} }) : Promise.resolve({ ok: true as const, value: null })),
    agent?.id ?? '',
  );
  const data = timeline.data;
  const statusName = (s: string) => t(`monitor.status.${s}`);
  const describe = (entry: TimelineEntry): string => {
    const what = t(`monitor.kind.${entry.kind}`);
    if (entry.kind === 'status' && entry.status)
      return `${what}：${statusName(entry.status)}（${t(`monitor.reason.${entry.reason}`, { defaultValue: entry.reason })}）`;
    if (entry.kind === 'phone' && entry.phone)
      return `${t('monitorPhone.kind')}：${t(`monitorPhone.status.${entry.phone}`)}（${t(`monitorPhone.reason.${entry.reason}`, { defaultValue: entry.reason })}）`;
    if (entry.kind === 'call' && entry.call)
      return `${what}：${entry.call.remoteNumber}，${entry.reason}，${formatDuration(entry.call.durationSeconds * 1000)}`;
    return `${what}（${t(`monitor.reason.${entry.reason}`, { defaultValue: entry.reason })}）`;
  };
  return (
    <Drawer
      open={agent !== null}
      onClose={onClose}
      size="large"
      title={agent && data ? t('monitor.drawerTitle', { name: agent.nickname, date: data.date }) : agent?.nickname}
    >
      {timeline.error && <Typography.Text type="danger">{t('monitor.loadFailed', { message: timeline.error.message })}</Typography.Text>}
      {data && (
        <>
          <EChart
            height={80}
            option={timelineOption(data, statusName)}
            label={t('monitor.timelineChart', {
              summary: data.segments.map((s) => `${statusName(s.status)} ${formatDateTime(s.from, language)}–${formatDateTime(s.to, language)}`).join('；'),
            })}
          />
          <Descriptions title={t('monitor.totals')} size="small" column={4}>
            {MONITOR_STATUSES.map((s) => (
              <Descriptions.Item key={s} label={statusName(s)}>
                {formatDuration(data.totals[s])}
              </Descriptions.Item>
            ))}
          </Descriptions>
          <List
            header={t('monitor.entries')}
            size="small"
            dataSource={data.entries}
            renderItem={(entry) => (
              <List.Item>
                <Typography.Text type="secondary">{formatDateTime(entry.at, language)}</Typography.Text>&nbsp;{describe(entry)}
              </List.Item>
            )}
          />
        </>
      )}
    </Drawer>
  );
}
