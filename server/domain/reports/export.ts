/**
 * A report as a file: its tables as sheets of one XLSX workbook, or one after another in a CSV
 * (UTF-8 with BOM, for Excel) — each table under its title line. Column names are the report's
 * field names in Chinese; durations are written in seconds, rates as percentages.
 */
import writeXlsxFile from 'write-excel-file/node';
import type { ReportName } from '../../../shared/protocol/rest-reports.js';
import { csvField } from '../records-export.js';

export interface Sheet {
  title: string;
  header: string[];
  rows: (string | number | null)[][];
}

const LABELS: Record<string, string> = {
  date: '日期',
  hour: '时段',
  groupName: '技能组',
  agentName: '客服',
  offered: '进线量',
  answered: '接通量',
  answerRate: '接通率',
  abandoned: '排队放弃',
  waitAvgMs: '平均等待(秒)',
  waitP90Ms: '90%等待(秒)',
  firstResponseAvgMs: '平均首次响应(秒)',
  handled: '处理量',
  handlingAvgMs: '平均处理时长(秒)',
  messages: '消息数',
  messagesPerConversation: '每对话消息数',
  valid: '有效',
  invalid: '无效',
  'endedBy.visitor': '访客结束',
  'endedBy.agent': '客服关闭',
  'endedBy.system': '系统关闭',
  rated: '评价数',
  average: '平均分',
  satisfied: '满意数',
  satisfiedRate: '满意率',
  received: '留言数',
  replied: '已回复',
  replyRate: '回复率',
  replyAvgMs: '平均回复时长(秒)',
  onlineMs: '在线时长(秒)',
  'statusMs.online': '在线(秒)',
  'statusMs.busy': '忙碌(秒)',
  'statusMs.away': '离开(秒)',
  concurrencyAvg: '平均并发',
  ratingAverage: '平均评分',
  notResponding: '未响应次数',
  calls: '通话数',
  callsAnswered: '接通通话',
  talkMs: '通话时长(秒)',
  holdMs: '保持时长(秒)',
  afterCallMs: '话后处理(秒)',
  key: '值',
  conversations: '对话数',
  visitors: '访客数',
  invitationsSent: '邀请数',
  invitationsAccepted: '接受邀请',
  topicName: '对话主题',
  name: '话后处理',
  share: '占比',
  missed: '未接',
  failed: '失败',
  outbound: '外呼',
  outboundAnswered: '外呼接通',
  talkAvgMs: '平均通话(秒)',
  rating: '评分',
  comment: '评价内容',
  roomNo: '房间号',
  at: '时间',
};

/** The columns a table is written with, in order (ids are left out: names say it to a person). */
const SKIP = new Set(['groupId', 'agentId', 'topicId', 'wrapUpCodeId', 'conversationId', 'distribution']);

function flatten(row: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (SKIP.has(key)) continue;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) Object.assign(out, flatten(value as Record<string, unknown>, `${prefix}${key}.`));
    else out[`${prefix}${key}`] = value;
  }
  return out;
}

function cell(key: string, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number') return String(value);
  if (key.endsWith('Ms')) return Math.round(value / 100) / 10;
  if (key.endsWith('Rate') || key === 'share') return Math.round(value * 1000) / 10;
  if (key === 'at') return new Date(value).toISOString();
  return Math.round(value * 100) / 100;
}

function sheetOf(title: string, rows: readonly object[]): Sheet {
  const flat = rows.map((row) => flatten(row as Record<string, unknown>));
  const keys = flat.length > 0 ? Object.keys(flat[0]!) : [];
  return {
    title,
    header: keys.map((key) => LABELS[key] ?? key),
    rows: flat.map((row) => keys.map((key) => cell(key, row[key]))),
  };
}

const TABLES: Record<ReportName, [string, string][]> = {
  volume: [
    ['byDay', '按日'],
    ['byHour', '按时段'],
    ['byGroup', '按技能组'],
    ['byAgent', '按客服'],
  ],
  satisfaction: [
    ['byDay', '按日'],
    ['byGroup', '按技能组'],
    ['byAgent', '按客服'],
    ['comments', '评价内容'],
  ],
  offline: [
    ['byDay', '按日'],
    ['byAgent', '按客服'],
  ],
  agents: [['rows', '人员考核']],
  sources: [
    ['source', '来源'],
    ['keyword', '关键词'],
    ['region', '地区'],
    ['landingPage', '着陆页'],
  ],
  topics: [
    ['topics', '对话主题'],
    ['wrapUpCodes', '话后处理'],
  ],
  calls: [
    ['byDay', '按日'],
    ['byHour', '按时段'],
    ['byAgent', '按客服'],
  ],
};

/** The report's tables, plus its totals as the first one. */
export function sheetsOf(name: ReportName, report: Record<string, unknown>): Sheet[] {
  return [sheetOf('合计', [report.totals as object]), ...TABLES[name].map(([field, title]) => sheetOf(title, report[field] as object[]))];
}

export function sheetsCsv(sheets: readonly Sheet[]): Buffer {
  const lines: string[] = [];
  for (const sheet of sheets) {
    if (lines.length > 0) lines.push('');
    lines.push(
      csvField(sheet.title),
      sheet.header.map(csvField).join(','),
      ...sheet.rows.map((row) => row.map((v) => csvField(v === null ? '' : String(v))).join(',')),
    );
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function sheetsXlsx(sheets: readonly Sheet[]): Promise<Buffer> {
  return writeXlsxFile(
    sheets.map((sheet) => ({
      sheet: sheet.title,
      data: [
        sheet.header.map((value) => ({ value, fontWeight: 'bold' as const })),
        ...sheet.rows.map((row) => row.map((value) => (typeof value === 'number' ? { value, type: Number } : { value: value ?? '', type: String }))),
      ],
    })),
  ).toBuffer();
}
