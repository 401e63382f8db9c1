/** REST route of 批量导入客服: agents from a CSV or XLSX file, each row by the rules of createAgent. */
import { AgentImportBodySchema, AgentImportResultSchema } from '../agent-import.js';
import type { RouteDef } from './rest.js';

export const agentImportRoutes = {
  importAgents: {
    method: 'POST',
    path: '/api/admin/agents/import',
    access: 'leader',
    summary:
      'Create agents from a CSV or XLSX file (base64): row by row, each exactly as createAgent would (a group leader: agents of their own group); each bad row is reported with its number and column',
    body: AgentImportBodySchema,
    response: AgentImportResultSchema,
  },
} as const satisfies Record<string, RouteDef>;
