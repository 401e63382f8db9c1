import { useState } from 'react';
import { Card, Col, DatePicker, Empty, Radio, Row, Space, Statistic, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { SITE_VISITOR_LIMITS, type InvitationCounts, type InvitationStats } from '../../shared/protocol/rest-site-visitors.js';
import { useApi } from '../api/ApiContext.js';
import { useRemote } from '../api/useRemote.js';
import { HiddenCaption, LoadError } from '../app/PageFrame.js';
import { ChartCard } from '../reports/ChartCard.js';
import { categoryChart, isEmptySeries } from '../reports/charts.js';
import { formatFigure } from '../reports/format.js';
import { DAY_FORMAT, dayText, QUICK_RANGES, quickRange, type QuickRange } from '../reports/quick-ranges.js';
import { acceptanceRate, outcomeSeries } from './invitation-figures.js';

const COUNTS = ['sent', 'accepted', 'declined', 'ignored', 'pending'] as const;

type AgentRow = InvitationStats['byAgent'][number];
type RuleRow = InvitationStats['byRule'][number];

/** The count columns and 接受率 of a per-agent or per-rule table. */
function countColumns<R extends InvitationCounts>(t: (key: string) => string): ColumnsType<R> {
  return [
    ...COUNTS.map((key) => ({
      title: t(`invitations.stats.${key}`),
      key,
      align: 'right' as const,
      render: (_: unknown, row: R) => formatFigure(row[key], 'count'),
    })),
    { title: t('invitations.stats.rate'), key: 'rate', align: 'right' as const, render: (_: unknown, row: R) => formatFigure(acceptanceRate(row), 'rate') },
  ];
}

/**
 * 邀请统计: invitations sent, accepted, declined and ignored in the chosen days, in all, per agent
 * (主动邀请) and per rule (自动邀请), with 接受率. Days are company days (the server counts them).
 */
export function StatsSection() {
  const { t } = useTranslation();
  const api = useApi();
  const [days, setDays] = useState(() => quickRange('last7').map(dayText) as [string, string]);
  const [from, to] = days;
  const stats = useRemote(() => api.call('invitationStats', { query: { from, to } }), `invitation-stats:${from}:${to}`);
  const quick = QUICK_RANGES.find((range) => quickRange(range).map(dayText).join() === `${from},${to}`);
  const outcome = (key: string) => t(`invitations.stats.${key}`);
  const data = stats.data;

  const agentColumns: ColumnsType<AgentRow> = [{ title: t('invitations.stats.agent'), dataIndex: 'agentName', key: 'agent' }, ...countColumns<AgentRow>(t)];
  const ruleColumns: ColumnsType<RuleRow> = [{ title: t('invitations.stats.rule'), dataIndex: 'ruleName', key: 'rule' }, ...countColumns<RuleRow>(t)];

  function chart(title: string, names: string[], rows: readonly InvitationCounts[]) {
    const series = outcomeSeries(rows, outcome);
    return (
      <ChartCard
        title={title}
        empty={isEmptySeries(series)}
        option={categoryChart({ categories: names, series, xName: '', yName: t('invitations.stats.axisCount'), type: 'bar' })}
        summary={names.map((name, i) => [name, t('invitations.stats.summaryItem', { sent: rows[i]!.sent, accepted: rows[i]!.accepted })])}
      />
    );
  }

  return (
    <div>
      <Space wrap size="middle" style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          aria-label={t('invitations.stats.range')}
          placeholder={[t('invitations.stats.start'), t('invitations.stats.end')]}
          value={[dayjs(from), dayjs(to)]}
          format={DAY_FORMAT}
          allowClear={false}
          // The server answers at most a year of days at a time.
          disabledDate={(day, info) => info.from !== undefined && Math.abs(day.diff(info.from, 'day')) >= SITE_VISITOR_LIMITS.statsDaysMax}
          onChange={(picked) => {
            const [start, end] = picked ?? [];
            if (start && end) setDays([dayText(start), dayText(end)]);
          }}
        />
        <Radio.Group
          aria-label={t('invitations.stats.quickLabel')}
          optionType="button"
          value={quick}
          options={QUICK_RANGES.map((range) => ({ value: range, label: t(`invitations.stats.quick.${range}`) }))}
          onChange={(event) => setDays(quickRange(event.target.value as QuickRange).map(dayText) as [string, string])}
        />
      </Space>
      <LoadError error={stats.error} onRetry={stats.reload} />
      {data && data.total.sent === 0 && !stats.loading ? (
        <Empty description={t('invitations.stats.empty')} />
      ) : (
        data && (
          <>
            <Row gutter={[12, 12]} style={{ marginBottom: 16 }} role="group" aria-label={t('invitations.stats.total')}>
              {[...COUNTS, 'rate' as const].map((key) => (
                <Col key={key} xs={12} md={8} xl={4}>
                  <Card size="small">
                    <Statistic
                      title={t(`invitations.stats.${key}`)}
                      value={key === 'rate' ? formatFigure(acceptanceRate(data.total), 'rate') : formatFigure(data.total[key], 'count')}
                    />
                  </Card>
                </Col>
              ))}
            </Row>
            <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
              <Col xs={24} xl={12}>
                {chart(
                  t('invitations.stats.chartAgents'),
                  data.byAgent.map((r) => r.agentName),
                  data.byAgent,
                )}
              </Col>
              <Col xs={24} xl={12}>
                {chart(
                  t('invitations.stats.chartRules'),
                  data.byRule.map((r) => r.ruleName),
                  data.byRule,
                )}
              </Col>
            </Row>
            <h2 style={{ fontSize: 16 }}>{t('invitations.stats.byAgent')}</h2>
            <Table<AgentRow>
              caption={<HiddenCaption text={t('invitations.stats.byAgentTable')} />}
              rowKey="agentId"
              size="small"
              loading={stats.loading}
              dataSource={data.byAgent}
              columns={agentColumns}
              pagination={false}
              style={{ marginBottom: 24 }}
            />
            <h2 style={{ fontSize: 16 }}>{t('invitations.stats.byRule')}</h2>
            <Table<RuleRow>
              caption={<HiddenCaption text={t('invitations.stats.byRuleTable')} />}
              rowKey="ruleId"
              size="small"
              loading={stats.loading}
              dataSource={data.byRule}
              columns={ruleColumns}
              pagination={false}
            />
          </>
        )
      )}
    </div>
  );
}
