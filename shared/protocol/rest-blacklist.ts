/**
 * 黑名单 (blacklist): visitors by id, visitors' addresses (one IP or a CIDR range, IPv4 or IPv6)
 * and callers' phone numbers, each with a reason and an optional expiry. A listed visitor can
 * neither open a conversation nor send (REST and realtime answer BLOCKED); a listed number's call
 * is declined by the softphone. Admins keep the list in the console; agents may add the visitor
 * of a conversation they handle when the company allows it (ServerSettings.agentsMayBlacklist).
 */
import { z } from 'zod';
import { textField } from '../domain.js';
import { formatIpRange, parseIpRange } from '../ip-range.js';
import { LIMITS } from '../limits.js';
import { queryInt } from '../query-number.js';
import { Id, IdParams, Ok } from './rest-common.js';
import type { RouteDef } from './rest.js';

export const BLACKLIST_LIMITS = {
  /** Characters of a reason. */
  reasonMax: 200,
  /** Entries one list returns at most (newest first). */
  listMax: 500,
} as const;

export const BlacklistKindSchema = z.enum(['visitor', 'ip', 'phone']);
export type BlacklistKind = z.infer<typeof BlacklistKindSchema>;

/** "10.0.0.0/8", "192.0.2.7", "2001:db8::/32": stored in one canonical spelling. */
export const IpRangeTextSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .transform((text, ctx) => {
    const range = parseIpRange(text);
    if (typeof range === 'string') {
      ctx.addIssue({ code: 'custom', message: range });
      return z.NEVER;
    }
    return formatIpRange(range);
  });

/**
 * A phone number as people write it ("+86 138-0013-8000", "010 6552 9988"): digits with an
 * optional leading +, spaces and dashes between them; 3 to 20 digits. Stored without spaces,
 * dashes or the +86 country code, as the call log compares numbers (server phoneKey).
 */
export const BlacklistPhoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^\+?[0-9]+([ -][0-9]+)*$/, 'digits with an optional leading +, spaces or dashes between them')
  .refine((text) => {
    const digits = text.replace(/[^0-9]/g, '').length;
    return digits >= 3 && digits <= 20;
  }, 'must have 3 to 20 digits');

const reason = textField(BLACKLIST_LIMITS.reasonMax);
/** Epoch ms; null or absent: until removed. The server refuses one in the past. */
const expiresAt = z.number().int().min(LIMITS.timestampMinMs).max(LIMITS.timestampMaxMs).nullable().default(null);

export const BlacklistAddBodySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('visitor'), value: Id, reason, expiresAt }),
  z.strictObject({ kind: z.literal('ip'), value: IpRangeTextSchema, reason, expiresAt }),
  z.strictObject({ kind: z.literal('phone'), value: BlacklistPhoneSchema, reason, expiresAt }),
]);
export type BlacklistAddBody = z.input<typeof BlacklistAddBodySchema>;

/** The workstation's 加入黑名单: the visitor of a conversation the agent may handle. */
export const BlacklistVisitorBodySchema = z.strictObject({ conversationId: Id, reason, expiresAt });
export type BlacklistVisitorBody = z.input<typeof BlacklistVisitorBodySchema>;

export const BlacklistEntrySchema = z.object({
  id: z.string(),
  kind: BlacklistKindSchema,
  /** The visitor id, the canonical IP or range, or the phone number as compared. */
  value: z.string(),
  /** For a visitor: their name when listed, so the console shows who it is. */
  label: z.string().nullable(),
  reason: z.string(),
  createdAt: z.number(),
  /** Null: until removed. */
  expiresAt: z.number().nullable(),
  /** False once expiresAt has passed: the entry no longer blocks. */
  active: z.boolean(),
  createdById: z.string(),
  /** The account of who added it, kept if the account goes later. */
  createdByAccount: z.string(),
});
export type BlacklistEntry = z.infer<typeof BlacklistEntrySchema>;

export const BlacklistQuerySchema = z.strictObject({
  kind: BlacklistKindSchema.optional(),
  /** Part of the value, the visitor's name or the reason, case-insensitive. */
  q: z.string().trim().max(LIMITS.nameMax).optional(),
  /** 'active' (default: what blocks now), 'expired', or 'all'. */
  state: z.enum(['active', 'expired', 'all']).prefault('active'),
  limit: queryInt(1, BLACKLIST_LIMITS.listMax).prefault(200),
});
export type BlacklistQuery = z.input<typeof BlacklistQuerySchema>;

export const blacklistRoutes = {
  listBlacklist: {
    method: 'GET',
    path: '/api/admin/blacklist',
    access: 'admin',
    summary: '黑名单: listed visitors, addresses and phone numbers, newest first, by kind, text and state',
    query: BlacklistQuerySchema,
    response: z.array(BlacklistEntrySchema),
  },
  addBlacklist: {
    method: 'POST',
    path: '/api/admin/blacklist',
    access: 'admin',
    summary: 'List a visitor, an IP address or range, or a phone number; a listed visitor who is chatting is stopped at once',
    body: BlacklistAddBodySchema,
    response: BlacklistEntrySchema,
  },
  removeBlacklist: {
    method: 'DELETE',
    path: '/api/admin/blacklist/:id',
    access: 'admin',
    summary: 'Remove an entry: it stops blocking at once',
    params: IdParams,
    response: Ok,
  },
  blacklistVisitor: {
    method: 'POST',
    path: '/api/blacklist/visitors',
    access: 'staff',
    summary: '加入黑名单 from the workstation: the visitor of a conversation the agent handles; FORBIDDEN unless the company allows agents to',
    body: BlacklistVisitorBodySchema,
    response: BlacklistEntrySchema,
  },
  checkBlockedNumber: {
    method: 'GET',
    path: '/api/blacklist/phone-check',
    access: 'staff',
    summary: "Whether an incoming call's number is listed: the softphone declines it (603) before it rings",
    query: z.strictObject({ number: z.string().trim().min(1).max(64) }),
    response: z.object({ blocked: z.boolean() }),
  },
} as const satisfies Record<string, RouteDef>;
