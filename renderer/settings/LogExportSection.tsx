import { useEffect, useState } from 'react';
import { App, Button, Divider, Progress, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { assertNever } from '../../shared/errors.js';
import { invoke, kefu } from '../app/kefu.js';

/** The browser shell's answer: its own server streams the zip; the browser saves it as a download. */
function startDownload(url: string, name: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/**
 * 日志 → 导出日志 (logs:export): the desktop app asks where to save the zip and reports its
 * packing progress (logs:export-progress); the browser shell hands back a download address.
 */
export function LogExportSection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [percent, setPercent] = useState<number | null>(null);

  useEffect(() => kefu().on('logs:export-progress', ({ done, total }) => setPercent(total === 0 ? 100 : Math.floor((done * 100) / total))), []);

  const exportLogs = async () => {
    setBusy(true);
    setPercent(null);
    try {
      const result = await invoke('logs:export', undefined);
      if (!result.ok) {
        void message.error(t('logs.failed', { message: result.error.message }));
        return;
      }
      const outcome = result.value;
      switch (outcome.outcome) {
        case 'saved':
          void message.success(t('logs.saved', { path: outcome.path }));
          break;
        case 'download':
          startDownload(outcome.url, outcome.name);
          void message.success(t('logs.downloading', { name: outcome.name }));
          break;
        case 'cancelled':
          break;
        default:
          assertNever(outcome);
      }
    } finally {
      setBusy(false);
      setPercent(null);
    }
  };

  return (
    <section aria-label={t('logs.section')}>
      <Divider titlePlacement="start">{t('logs.section')}</Divider>
      <Typography.Paragraph type="secondary" id="logs-export-hint">
        {t('logs.hint')}
      </Typography.Paragraph>
      <Button icon={<DownloadOutlined />} loading={busy} aria-describedby="logs-export-hint" onClick={() => void exportLogs()}>
        {busy ? (percent === null ? t('logs.exporting') : t('logs.exportingPercent', { percent })) : t('logs.export')}
      </Button>
      {busy && percent !== null ? <Progress percent={percent} size="small" aria-label={t('logs.progress')} style={{ marginTop: 8 }} /> : null}
    </section>
  );
}
