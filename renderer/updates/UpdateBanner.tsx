import { useEffect, useState } from 'react';
import { Alert, Button, Progress, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { restartErrorText } from './restart-error.js';
import { useUpdateStore } from './updateStore.js';

/**
 * The update banner above the login page and the workstation: 正在下载更新 N% while the new
 * version downloads in the background, then 已下载，重启后安装 with 立即重启. Nothing otherwise:
 * checks and failures are for 设置 → 自动更新, not for an agent in the middle of a chat.
 */
export function UpdateBanner() {
  const { t } = useTranslation();
  const state = useUpdateStore((s) => s.state);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void useUpdateStore.getState().load();
  }, []);

  if (!state?.available) return null;
  if (state.phase === 'downloading') {
    const percent = state.percent ?? 0;
    return (
      <Alert
        className="kefu-update-banner"
        type="info"
        role="status"
        title={
          <Space>
            <span>{t('updates.downloading', { percent })}</span>
            <Progress percent={percent} size="small" showInfo={false} style={{ width: 160 }} aria-label={t('updates.downloadingLabel')} />
          </Space>
        }
      />
    );
  }
  if (state.phase !== 'downloaded') return null;
  const blocked = refusal ?? (state.blockedBy ? t(`updates.blocked.${state.blockedBy}`) : null);
  return (
    <Alert
      className="kefu-update-banner"
      type="success"
      role="status"
      title={t('updates.downloaded', { version: state.version })}
      description={blocked ?? undefined}
      action={
        <Button
          size="small"
          type="primary"
          loading={busy}
          onClick={async () => {
            setBusy(true);
            const failure = await useUpdateStore.getState().restartNow();
            setBusy(false);
            setRefusal(failure ? restartErrorText(t, failure) : null);
          }}
        >
          {t('updates.restartNow')}
        </Button>
      }
    />
  );
}
