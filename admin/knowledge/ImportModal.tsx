import { useRef, useState } from 'react';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { ImportDialog, ImportProgress, ImportResult } from '../forms/ImportDialog.js';
import type { KnowledgeImportResult } from '../../shared/knowledge.js';
import { base64Utf8, fileRowErrors, importBatches } from './import-batches.js';
import { IMPORT_FILE_MAX_MB, readImportFile } from './import-file.js';
import { downloadTemplate } from './knowledge-files.js';

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'importing'; done: number; total: number }
  | { kind: 'finished'; imported: number; errors: KnowledgeImportResult['errors']; total: number; stopped: string | null }
  | { kind: 'refused'; message: string };

/**
 * 导入: choose a CSV or XLSX file, watch the rows go in batch by batch, then see how many went in
 * and each row that did not, with the file's row number and the server's reason.
 */
export function ImportModal({ onImported, onClose }: { onImported: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const closed = useRef(false);
  const busy = phase.kind === 'reading' || phase.kind === 'importing';

  async function start(chosen: File) {
    setPhase({ kind: 'reading' });
    const read = await readImportFile(chosen);
    if (!read.ok) return setPhase({ kind: 'refused', message: t(`knowledge.importDialog.${read.problem}`, { size: IMPORT_FILE_MAX_MB }) });
    const batches = importBatches(read.rows);
    if (!batches) return setPhase({ kind: 'refused', message: t('knowledge.importDialog.noRows') });
    const total = batches.reduce((n, b) => n + b.rows.length, 0);
    let imported = 0;
    let done = 0;
    const errors: KnowledgeImportResult['errors'] = [];
    setPhase({ kind: 'importing', done, total });
    for (const batch of batches) {
      // Closing the dialog stops after the batch in flight; what went in stays in.
      if (closed.current) break;
      const result = await api.call('importKnowledge', { body: { format: 'csv', dataBase64: base64Utf8(batch.csv) }, timeoutMs: 60_000 });
      if (!result.ok) {
        // The first batch refused as a whole (a wrong header) means the file as a whole is refused.
        if (done === 0) return setPhase({ kind: 'refused', message: t('knowledge.importDialog.failed', { message: result.error.message }) });
        setPhase({ kind: 'finished', imported, errors, total, stopped: result.error.message });
        return onImported();
      }
      imported += result.value.imported;
      errors.push(...fileRowErrors(batch, result.value.errors));
      done += batch.rows.length;
      setPhase({ kind: 'importing', done, total });
    }
    setPhase({ kind: 'finished', imported, errors, total, stopped: null });
    onImported();
  }

  function close() {
    closed.current = true;
    onClose();
  }

  return (
    <ImportDialog
      keys="knowledge.importDialog"
      title={t('knowledge.importDialog.title')}
      intro={<Typography.Paragraph>{t('knowledge.importDialog.help')}</Typography.Paragraph>}
      busy={busy}
      finished={phase.kind === 'finished'}
      onTemplate={downloadTemplate}
      onChoose={() => setPhase({ kind: 'idle' })}
      onStart={(chosen) => void start(chosen)}
      onClose={close}
    >
      {phase.kind === 'reading' && <Typography.Paragraph role="status">{t('knowledge.importDialog.reading')}</Typography.Paragraph>}
      {phase.kind === 'importing' && (
        <ImportProgress
          percent={phase.total === 0 ? 100 : Math.floor((phase.done / phase.total) * 100)}
          label={t('knowledge.importDialog.progressLabel')}
          text={t('knowledge.importDialog.progress', { done: phase.done, total: phase.total })}
        />
      )}
      {phase.kind === 'refused' && <Alert type="error" role="alert" showIcon title={phase.message} />}
      {phase.kind === 'finished' && <ImportSummary imported={phase.imported} errors={phase.errors} stopped={phase.stopped} />}
    </ImportDialog>
  );
}

function ImportSummary({ imported, errors, stopped }: { imported: number; errors: KnowledgeImportResult['errors']; stopped: string | null }) {
  const { t } = useTranslation();
  return (
    <ImportResult
      type={stopped ? 'error' : errors.length > 0 ? 'warning' : 'success'}
      summary={
        stopped ? t('knowledge.importDialog.stopped', { message: stopped, imported }) : t('knowledge.importDialog.done', { imported, failed: errors.length })
      }
      errorsLabel={t('knowledge.importDialog.errorsLabel')}
      errors={errors}
      rowKey={(e) => `${e.row}:${e.message}`}
      columns={[
        { title: t('knowledge.importDialog.row'), dataIndex: 'row', key: 'row', width: 80 },
        { title: t('knowledge.importDialog.problem'), dataIndex: 'message', key: 'message' },
      ]}
    />
  );
}
