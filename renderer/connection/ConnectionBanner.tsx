import { Alert, Progress } from 'antd';
import { useTranslation } from 'react-i18next';
import { syncPercent, useConnectionStore } from './connectionStore.js';

/** 离线 / 连接中 / 同步中 with progress, and how many messages still wait in the outbox. */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const connection = useConnectionStore((s) => s.connection);
  const percent = syncPercent(connection);
  const outbox = connection.outbox > 0 ? t('connection.outbox', { count: connection.outbox }) : null;
  if (connection.state === 'online' && !outbox) return null;
  const text = connection.state === 'online' ? outbox : [t(`connection.${connection.state}`), outbox].filter(Boolean).join(' · ');
  return (
    <Alert
      banner
      role="status"
      type={connection.state === 'offline' ? 'error' : connection.state === 'online' ? 'info' : 'warning'}
      title={
        <span style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
          <span>{text}</span>
          {percent !== null && (
            <Progress
              aria-label={t('connection.progress')}
              percent={percent}
              size="small"
              style={{ width: 200, margin: 0 }}
              format={() => `${connection.progress?.done ?? 0}/${connection.progress?.total ?? 0}`}
            />
          )}
        </span>
      }
    />
  );
}
