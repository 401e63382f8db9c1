import { DatePicker, Radio, Select, Space, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { REPORT_LIMITS } from '../../shared/protocol/rest-reports.js';
import { useApi } from '../api/ApiContext.js';
import { useRemote } from '../api/useRemote.js';
import { useSessionStore } from '../session/sessionStore.js';
import { DAY_FORMAT, dayText, QUICK_RANGES, quickRange, type QuickRange } from './quick-ranges.js';
import { useReportFilters } from './report-filters.js';

const ALL = '';

/**
 * The filters of every report: days (with the quick ranges), group, agent and 对比上期. A group
 * leader sees their own group only, and its agents (the server scopes the lists and the reports too).
 */
export function ReportFilterBar() {
  const { t } = useTranslation();
  const api = useApi();
  const { from, to, groupId, agentId, compare, change } = useReportFilters();
  const leaderGroupId = useSessionStore((s) => (s.admin?.role === 'leader' ? (s.admin.groupId ?? '') : null));
  const groups = useRemote(() => api.call('adminListGroups'), 'groups');
  // Past reports include people since disabled: every account of the group, not only enabled ones.
  const agents = useRemote(() => api.call('adminListAgents', { query: { state: 'all', ...(groupId ? { groupId } : {}) } }), `agents:${groupId ?? ''}`);

  const groupOptions = [
    ...(leaderGroupId === null ? [{ value: ALL, label: t('reports.filters.allGroups') }] : []),
    ...(groups.data ?? []).filter((g) => leaderGroupId === null || g.id === leaderGroupId).map((g) => ({ value: g.id, label: g.name })),
  ];
  const agentOptions = [{ value: ALL, label: t('reports.filters.allAgents') }, ...(agents.data ?? []).map((a) => ({ value: a.id, label: a.nickname }))];
  // The quick range the days are, if they are one (shown pressed).
  const quick = QUICK_RANGES.find((range) => quickRange(range).map(dayText).join() === `${from},${to}`);

  return (
    <Space wrap size="middle" className="admin-report-filters" role="group" aria-label={t('reports.filters.label')}>
      <DatePicker.RangePicker
        aria-label={t('reports.filters.range')}
        placeholder={[t('reports.filters.start'), t('reports.filters.end')]}
        value={[dayjs(from), dayjs(to)]}
        format={DAY_FORMAT}
        allowClear={false}
        // A report spans at most a year: days further than that from the first picked are not offered.
        disabledDate={(day, info) => {
          const picked = info.from;
          return picked !== undefined && Math.abs(day.diff(picked, 'day')) >= REPORT_LIMITS.spanDaysMax;
        }}
        onChange={(days) => {
          const [start, end] = days ?? [];
          if (start && end) change({ from: dayText(start), to: dayText(end) });
        }}
      />
      <Radio.Group
        aria-label={t('reports.filters.quickLabel')}
        optionType="button"
        value={quick}
        options={QUICK_RANGES.map((range) => ({ value: range, label: t(`reports.filters.quick.${range}`) }))}
        onChange={(event) => {
          const [start, end] = quickRange(event.target.value as QuickRange);
          change({ from: dayText(start), to: dayText(end) });
        }}
      />
      <Select
        aria-label={t('reports.filters.group')}
        style={{ minWidth: 160 }}
        value={leaderGroupId ?? groupId ?? ALL}
        options={groupOptions}
        onChange={(value: string) => change({ groupId: value || undefined, agentId: undefined })}
      />
      <Select
        aria-label={t('reports.filters.agent')}
        style={{ minWidth: 160 }}
        showSearch={{ optionFilterProp: 'label' }}
        value={agentId ?? ALL}
        options={agentOptions}
        onChange={(value: string) => change({ agentId: value || undefined })}
      />
      <Space size="small">
        <Switch id="report-compare" checked={compare} onChange={(checked) => change({ compare: checked })} aria-label={t('reports.filters.compare')} />
        <Typography.Text>
          <label htmlFor="report-compare">{t('reports.filters.compare')}</label>
        </Typography.Text>
      </Space>
    </Space>
  );
}
