/**
 * Softphone domain (SPEC K): SIP settings an admin gives each agent, calls and their log (CDR),
 * customers found by phone number for the screen pop (客户资料自动弹出).
 */
import { z } from 'zod';
import { ConversationSchema, nameField } from './domain.js';
import { LIMITS } from './limits.js';

/** Digits, *, #, + and a leading sip: URI are what a dial pad or a record can hold. */
export const PhoneNumberSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^(\+?[0-9*#]{1,32}|sip:[A-Za-z0-9._~%+-]+@[A-Za-z0-9.-]+(:\d+)?)$/, 'a phone number (digits, *, #, +) or sip:user@host');

export const IceServerSchema = z.strictObject({
  urls: z.union([z.string().max(256), z.array(z.string().max(256)).max(8)]),
  username: z.string().max(128).optional(),
  credential: z.string().max(128).optional(),
});

/** Per-agent SIP account. ICE servers are empty by default: sip.js would otherwise use a public STUN server. */
export const SipSettingsSchema = z.strictObject({
  enabled: z.boolean(),
  /** ws:// or wss:// of the registrar's WebSocket listener. */
  wsServer: z
    .string()
    .max(256)
    .regex(/^wss?:\/\/[^\s]+$/, 'ws:// or wss:// URL'),
  /** sip:user@domain */
  uri: z
    .string()
    .max(256)
    .regex(/^sip:[^\s@]+@[^\s]+$/, 'sip:user@domain'),
  authUser: z.string().max(128),
  /** Never logged; returned only to the agent it belongs to. */
  password: z.string().max(128),
  displayName: z.string().max(LIMITS.nameMax),
  iceServers: z.array(IceServerSchema).max(8),
});
export type SipSettings = z.infer<typeof SipSettingsSchema>;

/** 话后处理 codes an agent chooses after a call. */
export const WrapUpCodeSchema = z.object({ id: z.string(), name: z.string(), enabled: z.boolean() });
export type WrapUpCode = z.infer<typeof WrapUpCodeSchema>;

export const CallDirectionSchema = z.enum(['inbound', 'outbound']);
/** How a call ended, for the log and the reports. */
export const CallResultSchema = z.enum(['answered', 'missed', 'rejected', 'busy', 'failed', 'cancelled', 'transferred']);
export type CallResult = z.infer<typeof CallResultSchema>;

/** A moment of a call, in epoch ms, within the bounds every client time must keep (LIMITS). */
const callTime = z.number().int().min(LIMITS.timestampMinMs).max(LIMITS.timestampMaxMs);

/** One call as written to the call log (通话记录), first locally, then synced (idempotent on id). */
export const CallRecordSchema = z.strictObject({
  /** UUID v7 made by the workstation when the call starts. */
  id: z.string().uuid(),
  direction: CallDirectionSchema,
  /** The other party's number as dialled or presented. */
  remoteNumber: z.string().max(256),
  /** The agent's own SIP URI. */
  localUri: z.string().max(256),
  startedAt: callTime,
  answeredAt: callTime.nullable(),
  endedAt: callTime,
  /** Talk time in seconds (0 when never answered); the server also checks it against the times. */
  durationSeconds: z.number().int().min(0).max(LIMITS.callSecondsMax),
  result: CallResultSchema,
  wrapUpCodeId: z.string().max(64).nullable(),
  note: z.string().max(LIMITS.summaryNoteMax),
  customerId: z.string().max(64).nullable(),
});
export type CallRecord = z.infer<typeof CallRecordSchema>;

/** A call log row as the server returns it: the record plus who made or took it. */
export const StoredCallSchema = CallRecordSchema.extend({ agentId: z.string(), agentName: z.string() });
export type StoredCall = z.infer<typeof StoredCallSchema>;

export const CustomerSchema = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string(),
  email: z.string(),
  note: z.string(),
  createdAt: z.number(),
});
export type Customer = z.infer<typeof CustomerSchema>;

export const NewCustomerBodySchema = z.strictObject({
  name: nameField(LIMITS.nameMax),
  phone: PhoneNumberSchema,
  email: z.union([z.literal(''), z.string().email().max(LIMITS.contactMax)]).default(''),
  note: z.string().max(LIMITS.summaryNoteMax).default(''),
});

/** The screen pop: who is calling, and what happened with them before. */
export const CustomerCardSchema = z.object({
  customer: CustomerSchema.nullable(),
  number: z.string(),
  recentCalls: z.array(StoredCallSchema),
  recentConversations: z.array(ConversationSchema),
});
export type CustomerCard = z.infer<typeof CustomerCardSchema>;
