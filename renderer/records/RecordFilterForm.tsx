import { Button, DatePicker, Input, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Agent, Topic } from '../../shared/domain.js';
import type { RecordFilters } from './recordQuery.js';

interface Props {
  filters: RecordFilters;
  onChange: (filters: RecordFilters) => void;
  advanced: boolean;
  onAdvancedChange: (advanced: boolean) => void;
  onSearch: () => void;
  onReset: () => void;
  /** Admins may pick an agent; agents see only their own records anyway. */
  agents: Agent[] | null;
  topics: Topic[];
}

/** 简单查询 (time range + keyword) and, behind 高级查询, the other filters. */
export function RecordFilterForm({ filters, onChange, advanced, onAdvancedChange, onSearch, onReset, agents, topics }: Props) {
  const { t } = useTranslation();
  const set = <K extends keyof RecordFilters>(key: K, value: RecordFilters[K]) => onChange({ ...filters, [key]: value });
  const any = { value: '', label: t('records.any') };
  const pick = <T extends string>(value: T | '' | undefined): T | undefined => (value ? value : undefined);

  return (
    <form
      aria-label={t('records.title')}
      onSubmit={(e) => {
        e.preventDefault();
        onSearch();
      }}
    >
      <Space wrap align="center" style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          showTime
          aria-label={t('records.timeRange')}
          placeholder={[t('records.createdAt'), t('records.endedAt')]}
          onChange={(range) => set('range', range?.[0] && range[1] ? [range[0].valueOf(), range[1].valueOf()] : null)}
        />
        <Input
          aria-label={t('records.keyword')}
          placeholder={t('records.keywordPlaceholder')}
          value={filters.keyword}
          maxLength={100}
          allowClear
          onChange={(e) => set('keyword', e.target.value)}
          style={{ width: 220 }}
        />
        <Button type="primary" htmlType="submit">
          {t('records.search')}
        </Button>
        <Button onClick={onReset}>{t('records.reset')}</Button>
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          <Switch size="small" checked={advanced} onChange={onAdvancedChange} aria-label={t('records.advanced')} />
          {t('records.advanced')}
        </label>
      </Space>
      {advanced && (
        <Space wrap style={{ marginBottom: 12 }}>
          {agents && (
            <Select
              aria-label={t('records.agent')}
              style={{ width: 140 }}
              value={filters.agentId ?? ''}
              onChange={(v: string) => set('agentId', pick(v))}
              options={[any, ...agents.map((a) => ({ value: a.id, label: a.nickname }))]}
            />
          )}
          <Input
            aria-label={t('records.visitor')}
            placeholder={t('records.visitorPlaceholder')}
            value={filters.visitor}
            maxLength={64}
            onChange={(e) => set('visitor', e.target.value)}
            style={{ width: 180 }}
          />
          <Select
            aria-label={t('records.startedBy')}
            style={{ width: 120 }}
            value={filters.startedBy ?? ''}
            onChange={(v: '' | 'visitor' | 'transfer') => set('startedBy', pick(v))}
            options={[any, { value: 'visitor', label: t('records.startedByVisitor') }, { value: 'transfer', label: t('records.startedByTransfer') }]}
          />
          <Select
            aria-label={t('records.endedBy')}
            style={{ width: 120 }}
            value={filters.endedBy ?? ''}
            onChange={(v: '' | 'visitor' | 'agent' | 'system') => set('endedBy', pick(v))}
            options={[
              any,
              { value: 'visitor', label: t('records.endedByVisitor') },
              { value: 'agent', label: t('records.endedByAgent') },
              { value: 'system', label: t('records.endedBySystem') },
            ]}
          />
          <Select
            aria-label={t('records.valid')}
            style={{ width: 100 }}
            value={filters.valid ?? ''}
            onChange={(v: '' | 'true' | 'false') => set('valid', pick(v))}
            options={[any, { value: 'true', label: t('records.validYes') }, { value: 'false', label: t('records.validNo') }]}
          />
          <Select
            aria-label={t('records.rating')}
            style={{ width: 100 }}
            value={filters.rating ?? 0}
            onChange={(v: number) => set('rating', v || undefined)}
            options={[{ value: 0, label: t('records.any') }, ...[5, 4, 3, 2, 1].map((r) => ({ value: r, label: t('records.ratingValue', { rating: r }) }))]}
          />
          <Select
            aria-label={t('records.topic')}
            style={{ width: 140 }}
            value={filters.topicId ?? ''}
            onChange={(v: string) => set('topicId', pick(v))}
            options={[any, ...topics.map((tp) => ({ value: tp.id, label: tp.name }))]}
          />
        </Space>
      )}
    </form>
  );
}
