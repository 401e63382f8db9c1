import { Alert, Progress } from 'antd';
import { useTranslation } from 'react-i18next';
import { syncPercent, useConnectionStore } from './connectionStore.js';

/**
 * 离线 / 连接中 / 同步中 (已同步 N / M) with progress, how many messages still wait in the outbox, and
 * 服务已断开 when the page cannot reach the workstation services at all (browser shell).
 */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const connection = useConnectionStore((s) => s.connection);
  const servicesReachable = useConnectionStore((s) => s.servicesReachable);
  const percent = syncPercent(connection);
  const outbox = connection.outbox > 0 ? t('connection.outbox', { count: connection.outbox }) : null;
  if (!servicesReachable) return <Alert banner role="status" type="error" title={t('connection.servicesLost')} />;
  if (connection.state === 'online' && !outbox) return null;
  const state =
    connection.state === 'syncing' && connection.progress && connection.progress.total > 0
      ? t('connection.syncingProgress', { done: connection.progress.done, total: connection.progress.total })
      : t(`connection.${connection.state}`);
  const text = connection.state === 'online' ? outbox : [state, outbox].filter(Boolean).join(' · ');
  return (
    <Alert
      banner
      role="status"
      type={connection.state === 'offline' ? 'error' : connection.state === 'online' ? 'info' : 'warning'}
      title={
        <span style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
          <span>{text}</span>
          {percent !== null && <Progress aria-label={t('connection.progress')} percent={percent} size="small" style={{ width: 200, margin: 0 }} />}
        </span>
      }
    />
  );
}
