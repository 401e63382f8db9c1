import { useState } from 'react';
import { Button, Empty, Segmented, Table, Tag, Tooltip } from 'antd';
import { PhoneOutlined, ReloadOutlined, SyncOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCallLogStore } from './callLogStore.js';
import { formatCallTimer, mergeCallLog, type CallLogRow } from './phoneLogic.js';
import { useDial } from './useDial.js';
import { useTimeFormat } from '../i18n/format-time.js';

type Tab = 'all' | 'missed';

/** 通话记录 / 未接来电 with 回拨; records not yet on the backend are marked 同步中. */
export function CallLog() {
  const { t } = useTranslation();
  const { dateTime } = useTimeFormat();
  const [tab, setTab] = useState<Tab>('all');
  const calls = useCallLogStore((s) => s.calls);
  const pending = useCallLogStore((s) => s.pending);
  const loading = useCallLogStore((s) => s.loading);
  const load = useCallLogStore((s) => s.load);
  const dial = useDial();
  const rows = mergeCallLog(calls, pending, tab === 'missed');
  const missedCount = mergeCallLog(calls, pending, true).length;
  return (
    <section className="kefu-call-log" aria-label={t('phone.log.title')}>
      <div className="kefu-panel-title">
        <Segmented<Tab>
          aria-label={t('phone.log.tabs')}
          value={tab}
          onChange={setTab}
          options={[
            { value: 'all', label: t('phone.log.all') },
            { value: 'missed', label: `${t('phone.log.missed')}${missedCount ? ` (${missedCount})` : ''}` },
          ]}
        />
        <span className="kefu-spacer" style={{ flex: 1 }} />
        <Tooltip title={t('phone.log.refresh')}>
          <Button size="small" type="text" icon={<ReloadOutlined />} aria-label={t('phone.log.refresh')} onClick={() => void load()} />
        </Tooltip>
      </div>
      <Table<CallLogRow>
        size="small"
        rowKey={(row) => row.call.id}
        loading={loading}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('phone.log.empty')} /> }}
        columns={[
          { title: t('phone.log.time'), key: 'time', render: (_, row) => dateTime(row.call.startedAt) },
          { title: t('phone.log.direction'), key: 'direction', render: (_, row) => t(`phone.call.${row.call.direction}`) },
          { title: t('phone.log.number'), key: 'number', render: (_, row) => row.call.remoteNumber },
          { title: t('phone.log.agent'), key: 'agent', render: (_, row) => ('agentName' in row.call ? row.call.agentName : '') },
          { title: t('phone.log.duration'), key: 'duration', render: (_, row) => formatCallTimer(row.call.durationSeconds * 1000) },
          {
            title: t('phone.log.result'),
            key: 'result',
            render: (_, row) => (
              <>
                <Tag color={row.call.result === 'answered' ? 'green' : row.call.result === 'missed' ? 'red' : 'default'}>
                  {t(`phone.result.${row.call.result}`)}
                </Tag>
                {row.pending && (
                  <Tag icon={<SyncOutlined spin />} color="processing">
                    {t('phone.log.syncing')}
                  </Tag>
                )}
              </>
            ),
          },
          {
            title: t('phone.log.actions'),
            key: 'actions',
            render: (_, row) => (
              <Button
                size="small"
                icon={<PhoneOutlined />}
                aria-label={t('phone.log.callBackTo', { number: row.call.remoteNumber })}
                onClick={() => void dial(row.call.remoteNumber)}
              >
                {t('phone.log.callBack')}
              </Button>
            ),
          },
        ]}
      />
    </section>
  );
}
