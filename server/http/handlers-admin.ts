/** Route name → domain call for the management console's routes (shared/protocol/rest-admin.ts). */
import type { adminRoutes } from '../../shared/protocol/rest-admin.js';
import type { DomainContext } from '../domain/context.js';
import { deleteAgent, disableAgent, enableAgent, listAdminAgents } from '../domain/admin/agents-admin.js';
import { createGroup, deleteGroup, listAdminGroups, renameGroup } from '../domain/admin/groups-admin.js';
import { listAudit } from '../domain/admin/audit.js';
import { addGroupMember, listGroupCandidates, listGroupMembers, removeGroupMember } from '../domain/admin/group-members.js';
import type { Handlers } from './register-routes.js';

const OK = { ok: true as const };

export function createAdminHandlers(ctx: DomainContext): Pick<Handlers, keyof typeof adminRoutes> {
  return {
    adminListAgents: ({ principal, query }) => listAdminAgents(ctx, principal.agent, query),
    disableAgent: ({ principal, params }) => disableAgent(ctx, principal.agent, params.id),
    enableAgent: ({ principal, params }) => enableAgent(ctx, principal.agent, params.id),
    deleteAgent: ({ principal, params }) => {
      deleteAgent(ctx, principal.agent, params.id);
      return OK;
    },
    adminListGroups: ({ principal }) => listAdminGroups(ctx, principal.agent),
    createGroup: ({ principal, body }) => createGroup(ctx, principal.agent, body.name),
    renameGroup: ({ principal, params, body }) => renameGroup(ctx, principal.agent, params.id, body.name),
    deleteGroup: ({ principal, params }) => {
      deleteGroup(ctx, principal.agent, params.id);
      return OK;
    },
    listGroupMembers: ({ principal, params }) => listGroupMembers(ctx, principal.agent, params.id),
    listGroupCandidates: ({ principal, params }) => listGroupCandidates(ctx, principal.agent, params.id),
    addGroupMember: ({ principal, params, query }) => addGroupMember(ctx, principal.agent, params.id, params.agentId, query.confirm === 'true'),
    removeGroupMember: ({ principal, params, query }) => removeGroupMember(ctx, principal.agent, params.id, params.agentId, query.confirm === 'true'),
    listAudit: ({ query }) => listAudit(ctx, query),
  };
}
