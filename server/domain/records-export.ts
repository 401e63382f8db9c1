/** Turns conversation records into a CSV (UTF-8 with BOM, for Excel) or XLSX file. */
import writeXlsxFile from 'write-excel-file/node';
import type { Conversation } from '../../shared/domain.js';
import type { RecordExportFormat } from '../../shared/protocol/rest-records.js';

const STARTED_BY: Record<Conversation['startedBy'], string> = { visitor: '访客发起', transfer: '系统转移' };
const ENDED_BY: Record<NonNullable<Conversation['endedBy']>, string> = { visitor: '访客结束', agent: '客服关闭', system: '系统关闭' };

export const RECORD_COLUMNS = [
  '房间号',
  '访客',
  '客服',
  '开始时间',
  '结束时间',
  '发起方式',
  '结束方式',
  '是否有效',
  '对话主题',
  '小结备注',
  '满意度',
  '评价内容',
  // 标记待复核 (对话监控): the supervisor's note.
  '待复核',
] as const;

const pad = (n: number): string => String(n).padStart(2, '0');
/** Local time of the server, as people read it in a spreadsheet. */
export function formatTime(ms: number | null): string {
  if (ms === null) return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function recordRow(c: Conversation): string[] {
  return [
    c.roomNo,
    c.visitorName,
    c.agentName ?? '',
    formatTime(c.createdAt),
    formatTime(c.endedAt),
    STARTED_BY[c.startedBy],
    c.endedBy ? ENDED_BY[c.endedBy] : '',
    c.valid === null ? '' : c.valid ? '有效' : '无效',
    c.summary?.topicName ?? '',
    c.summary?.note ?? '',
    c.evaluation ? String(c.evaluation.rating) : '',
    c.evaluation?.comment ?? '',
    c.review?.note ?? '',
  ];
}

/**
 * One CSV field. Visitor-typed text can start with = + - @, which spreadsheets would run as a
 * formula; a leading apostrophe keeps it text.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function recordsCsv(items: Conversation[]): Buffer {
  const lines = [RECORD_COLUMNS.join(','), ...items.map((c) => recordRow(c).map(csvField).join(','))];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function recordsXlsx(items: Conversation[]): Promise<Buffer> {
  const header = RECORD_COLUMNS.map((value) => ({ value, fontWeight: 'bold' as const }));
  const rows = items.map((c) => recordRow(c).map((value) => ({ value, type: String })));
  return writeXlsxFile([header, ...rows], { sheet: '对话记录' }).toBuffer();
}

export const EXPORT_MIME: Record<RecordExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
