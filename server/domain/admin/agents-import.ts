/**
 * 批量导入客服: agents from a CSV or XLSX file. Row by row, in the file's order: each row becomes
 * exactly the body of createAgent (NewAgentBodySchema) and goes through createAgent itself — the
 * same checks, the actor's scope (a group leader: agents of their own group), its own transaction
 * and its own audit entry (新建客服), so the audit log shows every account the import created,
 * like one made by hand. A bad row is reported (row number, column, why) and the rows after it
 * still go in; nothing of a refused row is stored.
 */
import {
  AGENT_IMPORT_COLUMNS,
  AGENT_IMPORT_LIMITS,
  AGENT_IMPORT_REQUIRED,
  ROLE_WORDS,
  type AgentImportBody,
  type AgentImportColumn,
  type AgentImportResult,
} from '../../../shared/agent-import.js';
import type { Role } from '../../../shared/domain.js';
import { NewAgentBodySchema } from '../../../shared/protocol/rest.js';
import { tableFormatOf, type ImportRowError } from '../../../shared/table-import.js';
import { createAgent, type NewAgentInput } from '../accounts.js';
import type { DomainContext } from '../context.js';
import { DomainError, refuse } from '../errors.js';
import { cellOf, decodeTableFile, locateColumns, problemOf, readTableRows, splitTable, type ColumnIndexes } from '../files/table-file.js';
import type { ConsoleActor } from './console-scope.js';

/** The body field a refusal names → the file's column it came from. */
const COLUMN_OF_FIELD: Record<string, AgentImportColumn> = {
  account: 'account',
  nickname: 'nickname',
  password: 'password',
  role: 'role',
  groupId: 'group',
  group: 'group',
  maxConcurrent: 'maxConcurrent',
};

function roleOf(text: string): Role {
  if (text === '') return 'agent';
  const word = text.toLowerCase();
  const role = (Object.keys(ROLE_WORDS) as Role[]).find((r) => ROLE_WORDS[r].some((w) => w.toLowerCase() === word));
  return role ?? refuse('VALIDATION_FAILED', 'Unknown role (use 客服, 组长 or 管理员)', { role: text });
}

function groupIdOf(ctx: DomainContext, name: string): string | null {
  if (name === '') return null;
  return ctx.store.groups.byName(name)?.id ?? refuse('VALIDATION_FAILED', 'No skill group has this name', { group: name });
}

/** '' leaves the default; anything but a whole number is refused here with words a person reads. */
function maxConcurrentOf(text: string): number | undefined {
  if (text === '') return undefined;
  if (!/^\d{1,6}$/.test(text)) refuse('VALIDATION_FAILED', 'The 最大接线量 is not a whole number', { maxConcurrent: text });
  return Number(text);
}

/** A row as createAgent's body, checked by the very schema the createAgent route uses. */
function rowInput(ctx: DomainContext, cells: string[], columns: ColumnIndexes<AgentImportColumn>): NewAgentInput {
  const cell = cellOf(cells, columns);
  const parsed = NewAgentBodySchema.safeParse({
    account: cell('account'),
    nickname: cell('nickname'),
    password: cell('password'),
    role: roleOf(cell('role')),
    groupId: groupIdOf(ctx, cell('group')),
    maxConcurrent: maxConcurrentOf(cell('maxConcurrent')),
  });
  if (!parsed.success) {
    const details: Record<string, string> = {};
    for (const issue of parsed.error.issues) details[issue.path.join('.') || 'row'] ??= issue.message;
    return refuse('VALIDATION_FAILED', 'The row is not valid', details);
  }
  return parsed.data;
}

/**
 * The column a refusal is about: the first field it names; a scope refusal (FORBIDDEN) names
 * none, and is about the role when the row asks for more than 客服, else about the group.
 */
function columnOf(error: unknown, role: Role | undefined): AgentImportColumn | null {
  if (!(error instanceof DomainError)) return null;
  const field = Object.keys(error.details ?? {}).find((key) => key in COLUMN_OF_FIELD);
  if (field) return COLUMN_OF_FIELD[field]!;
  if (error.code === 'FORBIDDEN') return role !== undefined && role !== 'agent' ? 'role' : 'group';
  return null;
}

export async function importAgents(ctx: DomainContext, actor: ConsoleActor, body: AgentImportBody): Promise<AgentImportResult> {
  // The schema let only .csv and .xlsx names through.
  const format = tableFormatOf(body.fileName) ?? refuse('VALIDATION_FAILED', 'The file must be .csv or .xlsx', { 'body.fileName': 'not .csv or .xlsx' });
  const bytes = decodeTableFile(body.dataBase64, AGENT_IMPORT_LIMITS.bytesMax);
  const { header, data } = splitTable(await readTableRows(format, bytes), AGENT_IMPORT_LIMITS.rowsMax);
  const columns = locateColumns(
    header,
    AGENT_IMPORT_COLUMNS,
    AGENT_IMPORT_REQUIRED,
    'The first row must name the columns 账号 (account), 昵称 (nickname) and 密码 (password)',
  );

  // Accounts are unique whatever their case: a second row with one is a duplicate, whether or not the first went in.
  const firstRowOf = new Map<string, number>();
  const errors: ImportRowError[] = [];
  let created = 0;
  for (const { row, cells } of data) {
    const account = cellOf(cells, columns)('account').toLowerCase();
    const first = account === '' ? undefined : firstRowOf.get(account);
    if (first !== undefined) {
      errors.push({ row, column: 'account', message: `The same account as row ${first}` });
      continue;
    }
    if (account !== '') firstRowOf.set(account, row);
    let input: NewAgentInput | undefined;
    try {
      input = rowInput(ctx, cells, columns);
      await createAgent(ctx, input, actor);
      created++;
    } catch (error) {
      errors.push({ row, column: columnOf(error, input?.role), message: problemOf(error) });
    }
  }
  return { created, errors };
}
