/** The files the 知识库 page hands out: the import template and an export, both in the columns the import reads. */
import { downloadText } from '../audit/audit-csv.js';
import type { KnowledgeCategory, KnowledgeEntry } from '../../shared/knowledge.js';
import { knowledgeCsv, knowledgeCsvRows } from '../../shared/knowledge-csv.js';

/** One example row shows each column's use, the answer format included. */
export function templateCsv(): string {
  return knowledgeCsv([
    {
      question: '如何申请退货？',
      answer: '请在收货后 <b>7 天内</b>申请。\n\n<ol>\n<li>打开订单详情</li>\n<li>点击“申请退货”</li>\n</ol>',
      category: '售后',
      keywords: ['退货', '退款'],
      enabled: true,
    },
  ]);
}

export function downloadTemplate(): void {
  downloadText('知识库导入模板.csv', templateCsv());
}

export function exportCsv(entries: readonly KnowledgeEntry[], categories: readonly KnowledgeCategory[]): string {
  const names = new Map(categories.map((c) => [c.id, c.name]));
  return knowledgeCsv(knowledgeCsvRows(entries, (id) => names.get(id)));
}

/** 知识库-20260102-1504.csv: the local time of the export, so several exports sort and do not collide. */
export function exportFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `知识库-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}.csv`;
}
