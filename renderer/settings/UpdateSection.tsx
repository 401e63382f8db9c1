import { useEffect, useState } from 'react';
import { Button, Divider, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UpdateState } from '../../shared/ipc/updates.js';
import { restartErrorText } from '../updates/restart-error.js';
import { useUpdateStore } from '../updates/updateStore.js';

function statusText(t: ReturnType<typeof useTranslation>['t'], state: UpdateState): string {
  switch (state.phase) {
    case 'checking':
      return t('updates.checking');
    case 'downloading':
      return t('updates.downloading', { percent: state.percent ?? 0 });
    case 'downloaded':
      return t('updates.downloaded', { version: state.version });
    case 'failed':
      return t('updates.failed', { message: state.error ?? '' });
    case 'idle':
      return state.checkedAt === null ? '' : t('updates.upToDate');
  }
}

/** 设置 → 自动更新: the version running, where the update stands, 检查更新 and 立即重启. */
export function UpdateSection() {
  const { t } = useTranslation();
  const state = useUpdateStore((s) => s.state);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void useUpdateStore.getState().load();
  }, []);

  if (!state) return null;
  return (
    <section aria-label={t('updates.section')}>
      <Divider titlePlacement="start">{t('updates.section')}</Divider>
      {!state.available ? (
        <Typography.Paragraph type="secondary">{t('updates.unavailable')}</Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph>
            {t('updates.currentVersion', { version: state.currentVersion })}
            {statusText(t, state) && <span role="status"> · {statusText(t, state)}</span>}
          </Typography.Paragraph>
          {problem && (
            <Typography.Paragraph type="warning" role="alert">
              {problem}
            </Typography.Paragraph>
          )}
          <Space>
            <Button
              disabled={state.phase === 'checking' || state.phase === 'downloading' || state.phase === 'downloaded'}
              onClick={async () => {
                const failure = await useUpdateStore.getState().checkNow();
                setProblem(failure ? t('updates.failed', { message: failure.message }) : null);
              }}
            >
              {t('updates.checkNow')}
            </Button>
            {state.phase === 'downloaded' && (
              <Button
                type="primary"
                onClick={async () => {
                  const failure = await useUpdateStore.getState().restartNow();
                  setProblem(failure ? restartErrorText(t, failure) : null);
                }}
              >
                {t('updates.restartNow')}
              </Button>
            )}
          </Space>
        </>
      )}
    </section>
  );
}
