/** 访客监控 / 主动邀请's rows (SQLite migration 021, PostgreSQL 014): invitations and automatic rules. */
import type { InvitationState, RuleSource } from '../../shared/protocol/rest-site-visitors.js';

export interface InvitationRow {
  id: string;
  visitorId: string;
  /** The inviting agent (主动邀请); null for a rule's invitation. */
  agentId: string | null;
  fromName: string;
  ruleId: string | null;
  /** The rule's name when sent ('' for an agent's): the stats still name a deleted rule. */
  ruleName: string;
  groupId: string | null;
  /** The workstation's retry key; null for a rule's invitation. */
  clientId: string | null;
  text: string;
  /** As stored: a 'pending' row past expiresAt reads as 'ignored' (site-visitors/invitations.ts). */
  state: InvitationState;
  createdAt: number;
  expiresAt: number;
  answeredAt: number | null;
  conversationId: string | null;
}

export interface InvitationRuleRow {
  id: string;
  name: string;
  enabled: boolean;
  urlPattern: string;
  dwellSeconds: number;
  source: RuleSource;
  sourcePattern: string;
  returningOnly: boolean;
  groupId: string | null;
  text: string;
  perVisitorPerDay: number;
  perDay: number;
  createdAt: number;
  updatedAt: number;
}

/** Counts of invitations by stored state (pending ones past their expiry counted as ignored). */
export interface InvitationCountRow {
  /** The agent's id (byAgent), the rule's id (byRule). */
  key: string;
  /** The agent's from_name or the rule's rule_name of the newest row. */
  name: string;
  state: InvitationState;
  count: number;
}

export interface InvitationRepository {
  insert(row: InvitationRow): void;
  byId(id: string): InvitationRow | undefined;
  byClientId(clientId: string): InvitationRow | undefined;
  /** The visitor's newest row still stored as pending and not expired at `now`. */
  pendingForVisitor(visitorId: string, now: number): InvitationRow | undefined;
  /** Sets the answer of a row still pending; false when it was not (answered or lapsed meanwhile). */
  answer(id: string, patch: Pick<InvitationRow, 'state' | 'answeredAt' | 'conversationId'>): boolean;
  /** Rows stored as pending whose expiry is at or before `now`, oldest first, at most `limit`. */
  lapsed(now: number, limit: number): InvitationRow[];
  /** Invitations a rule sent in [from, to), this visitor's only when given. */
  countForRule(ruleId: string, from: number, to: number, visitorId?: string): number;
  /** Counts by (agent or rule, state) of rows created in [from, to), of one group's (null: all); pending past `now` as ignored. */
  countsBy(by: 'agent' | 'rule', from: number, to: number, now: number, groupId: string | null): InvitationCountRow[];
}

export interface InvitationRuleRepository {
  list(): InvitationRuleRow[];
  byId(id: string): InvitationRuleRow | undefined;
  insert(row: InvitationRuleRow): void;
  update(id: string, patch: Partial<InvitationRuleRow>): void;
  delete(id: string): void;
  count(): number;
}

export interface SiteVisitorRepositories {
  invitations: InvitationRepository;
  invitationRules: InvitationRuleRepository;
}
