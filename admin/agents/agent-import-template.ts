/**
 * The 批量导入 template: a CSV (UTF-8 with a BOM, so Excel on a Chinese Windows reads it right)
 * whose header names every column the import reads, in the console's language — the server takes
 * either language's names (shared/agent-import.ts).
 */
import { AGENT_IMPORT_COLUMNS, type AgentImportColumn } from '../../shared/agent-import.js';
import { writeCsv } from '../../shared/csv.js';
import { downloadText } from '../audit/audit-csv.js';
import type { Language } from '../i18n/index.js';

const ORDER: readonly AgentImportColumn[] = ['account', 'nickname', 'password', 'role', 'group', 'maxConcurrent'];

/** 中文 names come first in each list; the English one is the first written in ASCII. */
const headerName = (column: AgentImportColumn, language: Language): string => {
  const names = AGENT_IMPORT_COLUMNS[column];
  return language === 'zh-CN' ? names[0]! : (names.find((name) => /^[\x20-\x7e]+$/.test(name)) ?? names[0]!);
};

export function agentTemplateCsv(language: Language): string {
  return writeCsv([ORDER.map((column) => headerName(column, language))], { bom: true });
}

export function downloadAgentTemplate(language: Language): void {
  downloadText(language === 'zh-CN' ? '客服导入模板.csv' : 'agents-import-template.csv', agentTemplateCsv(language));
}
