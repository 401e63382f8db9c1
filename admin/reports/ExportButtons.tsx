import { useState } from 'react';
import { App, Button, Progress, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RecordExportFormat } from '../../shared/protocol/rest-records.js';
import type { ReportName } from '../../shared/protocol/rest-reports.js';
import { downloadText } from '../audit/audit-csv.js';
import { formatBytes } from './format.js';
import type { ReportDownloader } from './report-export.js';
import { reportQueryOf, useReportFilters } from './report-filters.js';

const FORMATS: RecordExportFormat[] = ['xlsx', 'csv'];

/** 导出 Excel / CSV of the report on screen with the filters on screen, with how much has arrived. */
export function ExportButtons({ report, download }: { report: ReportName; download: ReportDownloader }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [progress, setProgress] = useState<{ received: number; total: number | null } | null>(null);

  async function run(format: RecordExportFormat) {
    setProgress({ received: 0, total: null });
    const query = { ...reportQueryOf(useReportFilters.getState()), format };
    const result = await download({ params: { report }, query }, (received, total) => setProgress({ received, total }));
    setProgress(null);
    if (!result.ok) return void message.error(t('reports.export.failed', { message: result.error.message }));
    downloadText(result.value.fileName, result.value.blob, result.value.blob.type || 'application/octet-stream');
    void message.success(t('reports.export.done', { name: result.value.fileName }));
  }

  const percent = progress?.total ? Math.round((progress.received / progress.total) * 100) : undefined;
  return (
    <Space size="small" wrap>
      {FORMATS.map((format) => (
        <Button key={format} icon={<DownloadOutlined />} disabled={progress !== null} onClick={() => void run(format)}>
          {t(`reports.export.${format}`)}
        </Button>
      ))}
      {progress && (
        <Space size="small" role="status">
          {percent === undefined ? (
            <Typography.Text>{t('reports.export.received', { size: formatBytes(progress.received) })}</Typography.Text>
          ) : (
            <Progress percent={percent} size="small" style={{ width: 120 }} aria-label={t('reports.export.progress')} />
          )}
        </Space>
      )}
    </Space>
  );
}
