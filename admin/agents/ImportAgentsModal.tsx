import { useRef, useState } from 'react';
import { Alert, Button, Modal, Progress, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { HiddenCaption } from '../app/PageFrame.js';
import { fileBase64 } from '../forms/file-base64.js';
import { currentLanguage } from '../i18n/index.js';
import { useSessionStore } from '../session/sessionStore.js';
import { AGENT_IMPORT_LIMITS } from '../../shared/agent-import.js';
import { tableFormatOf, type ImportRowError } from '../../shared/table-import.js';
import { downloadAgentTemplate } from './agent-import-template.js';

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; percent: number }
  | { kind: 'importing' }
  | { kind: 'finished'; created: number; errors: ImportRowError[] }
  | { kind: 'refused'; message: string };

/** Every new password is hashed on the server (~30 ms a row): a full file takes longer than an ordinary call may. */
const IMPORT_TIMEOUT_MS = 120_000;
const SIZE_KB = Math.floor(AGENT_IMPORT_LIMITS.bytesMax / 1024);

/**
 * 批量导入客服: choose a CSV or XLSX file, watch it upload (real bytes sent), wait while the server
 * creates the accounts row by row, then see how many were created and each row that was not —
 * its row number in the file, its column and the server's reason.
 */
export function ImportAgentsModal({ onImported, onClose }: { onImported: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const viewerIsLeader = useSessionStore((s) => s.admin?.role === 'leader');
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const closed = useRef(false);
  const busy = phase.kind === 'uploading' || phase.kind === 'importing';

  async function start(chosen: File) {
    if (!tableFormatOf(chosen.name)) return setPhase({ kind: 'refused', message: t('agentProfile.import.notSpreadsheet') });
    if (chosen.size > AGENT_IMPORT_LIMITS.bytesMax) return setPhase({ kind: 'refused', message: t('agentProfile.import.tooLarge', { size: SIZE_KB }) });
    setPhase({ kind: 'uploading', percent: 0 });
    const dataBase64 = await fileBase64(chosen);
    const result = await api.call('importAgents', {
      body: { fileName: chosen.name, dataBase64 },
      timeoutMs: IMPORT_TIMEOUT_MS,
      // Once every byte is sent, the wait is the server's: creating the accounts.
      onUploadProgress: (sent, total) => {
        if (!closed.current) setPhase(sent >= total ? { kind: 'importing' } : { kind: 'uploading', percent: Math.floor((sent / total) * 100) });
      },
    });
    if (closed.current) return;
    if (!result.ok) return setPhase({ kind: 'refused', message: t('agentProfile.import.failed', { message: result.error.message }) });
    setPhase({ kind: 'finished', created: result.value.created, errors: result.value.errors });
    if (result.value.created > 0) onImported();
  }

  function close() {
    // The server finishes an import already sent; the list reloads when it answers (onImported).
    closed.current = true;
    onClose();
  }

  return (
    <Modal
      open
      width={720}
      title={t('agentProfile.import.title')}
      onCancel={close}
      footer={
        <Space>
          <Button onClick={close}>{t('agentProfile.import.close')}</Button>
          <Button type="primary" disabled={!file || busy || phase.kind === 'finished'} loading={busy} onClick={() => file && void start(file)}>
            {t('agentProfile.import.start')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>{t('agentProfile.import.help')}</Typography.Paragraph>
      {viewerIsLeader && <Typography.Paragraph>{t('agentProfile.import.leaderHelp')}</Typography.Paragraph>}
      <Space style={{ marginBottom: 16 }} wrap>
        <Upload
          accept=".csv,.xlsx"
          showUploadList={false}
          disabled={busy}
          beforeUpload={(chosen) => {
            setFile(chosen);
            setPhase({ kind: 'idle' });
            // Sent by start(), never by the Upload control itself.
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} disabled={busy}>
            {t('agentProfile.import.choose')}
          </Button>
        </Upload>
        <Button icon={<DownloadOutlined />} onClick={() => downloadAgentTemplate(currentLanguage())}>
          {t('agentProfile.import.template')}
        </Button>
      </Space>
      {file && <Typography.Paragraph>{t('agentProfile.import.chosen', { name: file.name })}</Typography.Paragraph>}
      {phase.kind === 'uploading' && (
        <div role="status">
          <Progress percent={phase.percent} aria-label={t('agentProfile.import.progressLabel')} />
          <Typography.Text>{t('agentProfile.import.uploading')}</Typography.Text>
        </div>
      )}
      {phase.kind === 'importing' && (
        <div role="status">
          <Progress percent={100} status="active" aria-label={t('agentProfile.import.progressLabel')} />
          <Typography.Text>{t('agentProfile.import.importing')}</Typography.Text>
        </div>
      )}
      {phase.kind === 'refused' && <Alert type="error" role="alert" showIcon title={phase.message} />}
      {phase.kind === 'finished' && <ImportResult created={phase.created} errors={phase.errors} />}
    </Modal>
  );
}

function ImportResult({ created, errors }: { created: number; errors: ImportRowError[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert
        role="status"
        showIcon
        type={errors.length > 0 ? 'warning' : 'success'}
        title={t('agentProfile.import.done', { created, failed: errors.length })}
        style={{ marginBottom: 12 }}
      />
      {errors.length > 0 && (
        <Table<ImportRowError>
          caption={<HiddenCaption text={t('agentProfile.import.errorsLabel')} />}
          size="small"
          rowKey={(e) => `${e.row}:${e.column ?? ''}:${e.message}`}
          dataSource={errors}
          pagination={errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          columns={[
            { title: t('agentProfile.import.row'), dataIndex: 'row', key: 'row', width: 70 },
            {
              title: t('agentProfile.import.column'),
              dataIndex: 'column',
              key: 'column',
              width: 110,
              render: (column: string | null) =>
                column ? t(`agentProfile.import.columns.${column}`, { defaultValue: column }) : t('agentProfile.import.wholeRow'),
            },
            { title: t('agentProfile.import.problem'), dataIndex: 'message', key: 'message' },
          ]}
        />
      )}
    </>
  );
}
