import { useState, type ReactNode } from 'react';
import { Alert, Button, Modal, Progress, Space, Table, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { HiddenCaption } from '../app/PageFrame.js';

/**
 * A 导入 dialog: the help (`intro`), 选择文件 and 下载模板, the chosen file's name, then what the
 * import shows (`children`: progress, refusal, result); 关闭 and 开始导入 below. The file is
 * only picked here — `onStart` sends it, never the Upload control itself. The words are the
 * dialog's own, under `keys` (…close, …start, …choose, …template, …chosen).
 */
export function ImportDialog({
  keys,
  title,
  intro,
  busy,
  finished,
  onTemplate,
  onChoose,
  onStart,
  onClose,
  children,
}: {
  keys: string;
  title: string;
  intro: ReactNode;
  busy: boolean;
  finished: boolean;
  onTemplate: () => void;
  onChoose: () => void;
  onStart: (file: File) => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  return (
    <Modal
      open
      width={720}
      title={title}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>{t(`${keys}.close`)}</Button>
          <Button type="primary" disabled={!file || busy || finished} loading={busy} onClick={() => file && onStart(file)}>
            {t(`${keys}.start`)}
          </Button>
        </Space>
      }
    >
      {intro}
      <Space style={{ marginBottom: 16 }} wrap>
        <Upload
          accept=".csv,.xlsx"
          showUploadList={false}
          disabled={busy}
          beforeUpload={(chosen) => {
            setFile(chosen);
            onChoose();
            // Sent by onStart, never by the Upload control itself.
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} disabled={busy}>
            {t(`${keys}.choose`)}
          </Button>
        </Upload>
        <Button icon={<DownloadOutlined />} onClick={onTemplate}>
          {t(`${keys}.template`)}
        </Button>
      </Space>
      {file && <Typography.Paragraph>{t(`${keys}.chosen`, { name: file.name })}</Typography.Paragraph>}
      {children}
    </Modal>
  );
}

/** An import under way: the bar (named `label`) and what it is doing. */
export function ImportProgress({ percent, active, label, text }: { percent: number; active?: boolean; label: string; text: string }) {
  return (
    <div role="status">
      <Progress percent={percent} status={active ? 'active' : undefined} aria-label={label} />
      <Typography.Text>{text}</Typography.Text>
    </div>
  );
}

/** The end of an import: the summary, then each row that did not go in (ten to a page). */
export function ImportResult<E extends { row: number; message: string }>({
  type,
  summary,
  errorsLabel,
  errors,
  rowKey,
  columns,
}: {
  type: 'success' | 'warning' | 'error';
  summary: string;
  errorsLabel: string;
  errors: E[];
  rowKey: (error: E) => string;
  columns: ColumnsType<E>;
}) {
  return (
    <>
      <Alert role="status" showIcon type={type} title={summary} style={{ marginBottom: 12 }} />
      {errors.length > 0 && (
        <Table<E>
          caption={<HiddenCaption text={errorsLabel} />}
          size="small"
          rowKey={rowKey}
          dataSource={errors}
          pagination={errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          columns={columns}
        />
      )}
    </>
  );
}
