/**
 * 批量导入客服: the columns an agent import reads (the console's template writes the first name of
 * each), the words a 角色 cell may hold, the limits, and the route's body and answer. Each row is
 * then checked by exactly the rules of creating one agent (NewAgentBodySchema and the server's
 * createAgent).
 */
import { z } from 'zod';
import type { Role } from './domain.js';
import { LIMITS } from './limits.js';
import { ImportRowErrorSchema, base64LengthMax, tableFormatOf } from './table-import.js';

export const AGENT_IMPORT_LIMITS = {
  /** Bytes of the file (its base64 fits the JSON body limit). */
  bytesMax: 180 * 1024,
  /** Data rows of one import: each new password is hashed (~30 ms), and a company has hundreds of agents at most. */
  rowsMax: 500,
} as const;

export type AgentImportColumn = 'account' | 'nickname' | 'password' | 'role' | 'group' | 'maxConcurrent';

/** Header names per column, 中文 first (what the template writes), matched case-insensitively. */
export const AGENT_IMPORT_COLUMNS: Readonly<Record<AgentImportColumn, readonly string[]>> = {
  account: ['账号', '帐号', 'account'],
  nickname: ['昵称', 'nickname'],
  password: ['密码', 'password'],
  role: ['角色', 'role'],
  group: ['技能组', '分组', 'group'],
  maxConcurrent: ['最大接线量', 'maxConcurrent', 'max concurrent'],
};
export const AGENT_IMPORT_REQUIRED: readonly AgentImportColumn[] = ['account', 'nickname', 'password'];

/** What a 角色 cell may say (case-insensitive); an empty cell is 客服. */
export const ROLE_WORDS: Readonly<Record<Role, readonly string[]>> = {
  agent: ['客服', 'agent'],
  leader: ['组长', 'leader'],
  admin: ['管理员', 'admin'],
};

export const AgentImportBodySchema = z.strictObject({
  /** Only its extension counts: .csv (UTF-8) or .xlsx. */
  fileName: z
    .string()
    .min(1)
    .max(LIMITS.fileNameMax)
    .refine((name) => tableFormatOf(name) !== null, 'must end in .csv or .xlsx'),
  dataBase64: z.string().min(1).max(base64LengthMax(AGENT_IMPORT_LIMITS.bytesMax)),
});
export type AgentImportBody = z.infer<typeof AgentImportBodySchema>;

export const AgentImportResultSchema = z.object({
  /** Agents created (each also in the audit log as 新建客服). */
  created: z.number().int(),
  /** Every refused row, in row order; nothing of a refused row was stored. */
  errors: z.array(ImportRowErrorSchema),
});
export type AgentImportResult = z.infer<typeof AgentImportResultSchema>;
