/**
 * A knowledge import in the audit log: one entry per file with how many rows went in and how many
 * were refused (a line per row would bury the log). Rows go in one savepoint each
 * (./import.ts), so the entry is written once they have: only when at least one row went in.
 */
import type { KnowledgeImportResult } from '../../../shared/knowledge.js';
import { recordAudit, type Actor } from '../admin/audit.js';
import type { DomainContext } from '../context.js';
import { importEntries } from './import.js';

export async function importEntriesLogged(ctx: DomainContext, actor: Actor, format: 'csv' | 'xlsx', dataBase64: string): Promise<KnowledgeImportResult> {
  const result = await importEntries(ctx, format, dataBase64);
  if (result.imported > 0) {
    ctx.store.transaction(() =>
      recordAudit(ctx, actor, 'knowledge.import', { type: 'knowledge', id: null }, null, { imported: result.imported, failed: result.errors.length }),
    );
  }
  return result;
}
