/**
 * REST routes of the management console (管理中心, /admin): agents beyond create/edit (search,
 * disable, enable, delete), skill groups (技能组), and the audit log (操作日志) of every console
 * change. Creating and editing agents, topics and company settings are in ./rest.ts; every route
 * there under /api/admin is audited the same way.
 */
import { z } from 'zod';
import { AgentSchema, AgentStatusSchema, GroupSchema, RoleSchema, nameField } from '../domain.js';
import { LIMITS } from '../limits.js';
import { queryInt } from '../query-number.js';
import { Id, IdParams, Ok } from './rest-common.js';
import type { RouteDef } from './rest.js';

/** An agent as the console lists it: the workstation's Agent plus what only admins see. */
export const AdminAgentSchema = AgentSchema.extend({
  /** Epoch ms when an admin disabled the account (it cannot log in); null while enabled. */
  disabledAt: z.number().nullable(),
  createdAt: z.number(),
  /** The agent's SIP account (softphone) by its URI; null when none is set. */
  sipUri: z.string().nullable().optional(),
});
export type AdminAgent = z.infer<typeof AdminAgentSchema>;

export const AdminAgentsQuerySchema = z.strictObject({
  /** Part of the account or the nickname, case-insensitive. */
  q: z.string().max(LIMITS.nameMax).optional(),
  groupId: Id.optional(),
  role: RoleSchema.optional(),
  status: AgentStatusSchema.optional(),
  /** 'enabled' (default: the people at work), 'disabled', or 'all'. */
  state: z.enum(['enabled', 'disabled', 'all']).prefault('enabled'),
});
export type AdminAgentsQuery = z.input<typeof AdminAgentsQuerySchema>;

/** A group with what the console shows beside it and what decides whether it may be deleted. */
export const AdminGroupSchema = GroupSchema.extend({
  /** Agents (enabled or not) whose group this is. */
  members: z.number().int(),
  /** Queued or active conversations routed to this group. */
  openConversations: z.number().int(),
});
export type AdminGroup = z.infer<typeof AdminGroupSchema>;

export const GroupBodySchema = z.strictObject({ name: nameField(LIMITS.nameMax) });

/** One agent of one group (技能组成员): an agent is in one group at a time. */
export const GroupMemberParams = z.strictObject({ id: Id, agentId: Id });
/**
 * `confirm=true`: go ahead although the change leaves a group in use (widget menu, visitors' links,
 * open conversations) without an enabled member — without it the server answers 409 CONFLICT with
 * details saying what would be left waiting, so the console can ask first.
 */
export const GroupMemberChangeQuerySchema = z.strictObject({ confirm: z.enum(['true', 'false']).optional() });
export type GroupMemberChangeQuery = z.input<typeof GroupMemberChangeQuerySchema>;

/** What a console change was; the audit log's filter offers these. */
export const AUDIT_ACTIONS = [
  'agent.create',
  'agent.update',
  'agent.disable',
  'agent.enable',
  'agent.delete',
  'agent.unlock',
  /** An agent's SIP account set in the console (its password never logged, only passwordChanged). */
  'agent.sip',
  'group.create',
  'group.rename',
  'group.delete',
  /** An agent put into a group (moved out of another one, if any): before and after name the groupId. */
  'group.addMember',
  'group.removeMember',
  'topic.create',
  'topic.update',
  'settings.update',
  'blacklist.add',
  'blacklist.remove',
  'notice.send',
  'phrase.create',
  'phrase.update',
  'phrase.delete',
  'phraseCategory.create',
  'phraseCategory.update',
  'phraseCategory.delete',
  'filePhrase.create',
  'filePhrase.update',
  'filePhrase.delete',
  'wrapUpCode.create',
  'wrapUpCode.update',
  'tagCategory.create',
  'tagCategory.update',
  'tagCategory.delete',
  'knowledge.create',
  'knowledge.update',
  'knowledge.delete',
  /** One entry per import: how many rows went in and how many were refused. */
  'knowledge.import',
  'knowledgeCategory.create',
  'knowledgeCategory.update',
  'knowledgeCategory.delete',
  // 对话监控 (server/domain/supervision): opening a conversation is logged too, not only changes.
  'conversation.watch',
  'conversation.whisper',
  'conversation.takeOver',
  'conversation.transfer',
  'conversation.review',
  // 自动邀请 rules (server/domain/site-visitors/rules.ts).
  'invitationRule.create',
  'invitationRule.update',
  'invitationRule.delete',
] as const;
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditActionSchema>;

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.number(),
  actorId: z.string(),
  /** The actor's account when it acted (kept if the account is deleted later). */
  actorAccount: z.string(),
  action: AuditActionSchema,
  targetType: z.enum([
    'agent',
    'group',
    'topic',
    'settings',
    'blacklist',
    'notice',
    'phrase',
    'phraseCategory',
    'filePhrase',
    'wrapUpCode',
    'tagCategory',
    'knowledge',
    'knowledgeCategory',
    'conversation',
    'invitationRule',
  ]),
  targetId: z.string().nullable(),
  /** The target's fields before and after the change (null when created or deleted); passwords never appear. */
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditQuerySchema = z.strictObject({
  actorId: Id.optional(),
  action: AuditActionSchema.optional(),
  targetId: Id.optional(),
  /** Epoch ms, inclusive. */
  from: queryInt(LIMITS.timestampMinMs, LIMITS.timestampMaxMs).optional(),
  /** Epoch ms, exclusive. */
  to: queryInt(LIMITS.timestampMinMs, LIMITS.timestampMaxMs).optional(),
  /** Newest first; the next page starts before this entry id (the last one of the previous page). */
  before: Id.optional(),
  limit: queryInt(1, 500).prefault(100),
});
export type AuditQuery = z.input<typeof AuditQuerySchema>;
export const AuditPageSchema = z.object({ entries: z.array(AuditEntrySchema), hasMore: z.boolean() });
export type AuditPage = z.infer<typeof AuditPageSchema>;

export const adminRoutes = {
  adminListAgents: {
    method: 'GET',
    path: '/api/admin/agents',
    access: 'leader',
    summary: 'Agents for the console: search by account or nickname, filter by group, role, status, enabled or disabled',
    query: AdminAgentsQuerySchema,
    response: z.array(AdminAgentSchema),
  },
  disableAgent: {
    method: 'POST',
    path: '/api/admin/agents/:id/disable',
    access: 'leader',
    summary: 'Disable an account: its logins end at once, its open conversations go back to the queue and are routed to others, it cannot log in',
    params: IdParams,
    response: AdminAgentSchema,
  },
  enableAgent: {
    method: 'POST',
    path: '/api/admin/agents/:id/enable',
    access: 'leader',
    summary: 'Enable a disabled account again',
    params: IdParams,
    response: AdminAgentSchema,
  },
  deleteAgent: {
    method: 'DELETE',
    path: '/api/admin/agents/:id',
    access: 'admin',
    summary: 'Delete an account that has no history (no conversation, message, call or record of work); otherwise disable it',
    params: IdParams,
    response: Ok,
  },
  adminListGroups: {
    method: 'GET',
    path: '/api/admin/groups',
    access: 'leader',
    summary: 'Skill groups (技能组) with their member and open-conversation counts',
    response: z.array(AdminGroupSchema),
  },
  createGroup: {
    method: 'POST',
    path: '/api/admin/groups',
    access: 'admin',
    summary: 'Create a skill group',
    body: GroupBodySchema,
    response: AdminGroupSchema,
  },
  renameGroup: {
    method: 'PATCH',
    path: '/api/admin/groups/:id',
    access: 'admin',
    summary: 'Rename a skill group',
    params: IdParams,
    body: GroupBodySchema,
    response: AdminGroupSchema,
  },
  deleteGroup: {
    method: 'DELETE',
    path: '/api/admin/groups/:id',
    access: 'admin',
    summary: 'Delete a skill group; refused while agents, open conversations or widget links use it',
    params: IdParams,
    response: Ok,
  },
  listGroupMembers: {
    method: 'GET',
    path: '/api/admin/groups/:id/members',
    access: 'leader',
    summary: "A skill group's members (enabled or not) with their status now — a group leader: their own group only",
    params: IdParams,
    response: z.array(AdminAgentSchema),
  },
  listGroupCandidates: {
    method: 'GET',
    path: '/api/admin/groups/:id/candidates',
    access: 'leader',
    summary: 'Enabled accounts the caller may add to this group: an admin any other account (it moves), a group leader agents in no group',
    params: IdParams,
    response: z.array(AdminAgentSchema),
  },
  addGroupMember: {
    method: 'PUT',
    path: '/api/admin/groups/:id/members/:agentId',
    access: 'leader',
    summary: 'Put an account into a skill group (out of its former one); routing uses it at once and the queue of the group moves',
    params: GroupMemberParams,
    query: GroupMemberChangeQuerySchema,
    response: AdminAgentSchema,
  },
  removeGroupMember: {
    method: 'DELETE',
    path: '/api/admin/groups/:id/members/:agentId',
    access: 'leader',
    summary:
      "Take an account out of a skill group: it gets none of the group's new chats (its open ones stay with it); 409 without confirm=true when the group in use would have no enabled member",
    params: GroupMemberParams,
    query: GroupMemberChangeQuerySchema,
    response: AdminAgentSchema,
  },
  listAudit: {
    method: 'GET',
    path: '/api/admin/audit',
    access: 'admin',
    summary: 'The audit log (操作日志): every console change, newest first',
    query: AuditQuerySchema,
    response: AuditPageSchema,
  },
} as const satisfies Record<string, RouteDef>;
