import { useRef, useState } from 'react';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { fileBase64 } from '../forms/file-base64.js';
import { ImportDialog, ImportProgress, ImportResult } from '../forms/ImportDialog.js';
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
    <ImportDialog
      keys="agentProfile.import"
      title={t('agentProfile.import.title')}
      intro={
        <>
          <Typography.Paragraph>{t('agentProfile.import.help')}</Typography.Paragraph>
          {viewerIsLeader && <Typography.Paragraph>{t('agentProfile.import.leaderHelp')}</Typography.Paragraph>}
        </>
      }
      busy={busy}
      finished={phase.kind === 'finished'}
      onTemplate={() => downloadAgentTemplate(currentLanguage())}
      onChoose={() => setPhase({ kind: 'idle' })}
      onStart={(chosen) => void start(chosen)}
      onClose={close}
    >
      {phase.kind === 'uploading' && (
        <ImportProgress percent={phase.percent} label={t('agentProfile.import.progressLabel')} text={t('agentProfile.import.uploading')} />
      )}
      {phase.kind === 'importing' && (
        <ImportProgress percent={100} active label={t('agentProfile.import.progressLabel')} text={t('agentProfile.import.importing')} />
      )}
      {phase.kind === 'refused' && <Alert type="error" role="alert" showIcon title={phase.message} />}
      {phase.kind === 'finished' && <ImportSummary created={phase.created} errors={phase.errors} />}
    </ImportDialog>
  );
}

function ImportSummary({ created, errors }: { created: number; errors: ImportRowError[] }) {
  const { t } = useTranslation();
  return (
    <ImportResult<ImportRowError>
      type={errors.length > 0 ? 'warning' : 'success'}
      summary={t('agentProfile.import.done', { created, failed: errors.length })}
      errorsLabel={t('agentProfile.import.errorsLabel')}
      errors={errors}
      rowKey={(e) => `${e.row}:${e.column ?? ''}:${e.message}`}
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
  );
}
