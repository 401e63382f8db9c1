/**
 * The softphone's part of the IPC contract (docs/ARCHITECTURE.md, "Softphone split"). sip.js's UserAgent and
 * Registerer live in the services; media needs WebRTC, which only the renderer has. So the
 * services' SessionDescriptionHandler asks the renderer's media side for descriptions through
 * the `media:request` event, and the renderer answers with `media:respond` — the same contract in
 * both shells.
 */
import { z } from 'zod';
import { invoke, Void } from './invoke.js';
import { CallRecordSchema, CustomerCardSchema, PhoneNumberSchema, StoredCallSchema, WrapUpCodeSchema } from '../phone.js';

const CallId = z.string().min(1).max(64);

/** 未注册 / 注册中 / 已注册 / 注册失败 */
export const RegistrationStateSchema = z.enum(['unregistered', 'registering', 'registered', 'failed']);
export type RegistrationState = z.infer<typeof RegistrationStateSchema>;

export const CallStateSchema = z.enum(['ringing', 'dialing', 'early', 'established', 'held', 'ended']);
export type CallState = z.infer<typeof CallStateSchema>;

/** A live call as the renderer shows it. */
export const LiveCallSchema = z.object({
  id: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  remoteNumber: z.string(),
  remoteName: z.string().nullable(),
  state: CallStateSchema,
  muted: z.boolean(),
  /** Held by us (保持). */
  onHold: z.boolean(),
  startedAt: z.number(),
  answeredAt: z.number().nullable(),
  /** Another call this one is bridged with in a local three-way call (三方通话). */
  conferenceWith: z.string().nullable(),
  /** The last transfer (转接) of this call while it is still ours: in progress, or failed (the caller stayed with the agent). */
  transfer: z
    .object({ target: z.string(), state: z.enum(['trying', 'failed']), reason: z.string().nullable() })
    .nullable()
    .optional(),
});
export type LiveCall = z.infer<typeof LiveCallSchema>;

export const PhoneStateSchema = z.object({
  registration: RegistrationStateSchema,
  /** The SIP reason when registration failed, e.g. "403 Forbidden". */
  reason: z.string().nullable(),
  /** 示闲 / 示忙 / 话后处理; 'dnd' rejects new calls with 486. */
  availability: z.enum(['idle', 'busy', 'wrap-up', 'dnd']),
  /** When wrap-up ends by itself (ms epoch), else null. */
  wrapUpUntil: z.number().nullable(),
  calls: z.array(LiveCallSchema),
});
export type PhoneState = z.infer<typeof PhoneStateSchema>;

/** What the services' description handler asks the media side to do for one call. */
export const MediaOpSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('getDescription'), callId: z.string(), options: z.unknown(), modifierToken: z.string().nullable() }),
  z.object({ op: z.literal('setDescription'), callId: z.string(), sdp: z.string(), type: z.enum(['offer', 'answer']), options: z.unknown() }),
  z.object({ op: z.literal('rollbackDescription'), callId: z.string() }),
  z.object({ op: z.literal('sendDtmf'), callId: z.string(), tones: z.string() }),
  z.object({ op: z.literal('close'), callId: z.string() }),
  /** Mute = the local track disabled (no re-INVITE). */
  z.object({ op: z.literal('setMute'), callId: z.string(), muted: z.boolean() }),
  /** Audio devices for this and later calls (null = the system default). */
  z.object({ op: z.literal('selectDevices'), inputDeviceId: z.string().nullable(), outputDeviceId: z.string().nullable() }),
  /** Three-way call (三方通话, mixed locally): each call sends the microphone + the other call's remote audio. */
  z.object({ op: z.literal('conference'), callId: z.string(), otherCallId: z.string() }),
  /** The conference ended: this call sends the plain microphone again. */
  z.object({ op: z.literal('unconference'), callId: z.string() }),
]);
export type MediaOp = z.infer<typeof MediaOpSchema>;

export const phoneInvokeChannels = {
  'phone:get-state': invoke<PhoneState>()(Void),
  'phone:dial': invoke<LiveCall>()(z.strictObject({ number: PhoneNumberSchema })),
  'phone:answer': invoke<LiveCall>()(z.strictObject({ callId: CallId })),
  'phone:reject': invoke<null>()(z.strictObject({ callId: CallId })),
  'phone:hang-up': invoke<null>()(z.strictObject({ callId: CallId })),
  'phone:set-mute': invoke<LiveCall>()(z.strictObject({ callId: CallId, muted: z.boolean() })),
  'phone:set-hold': invoke<LiveCall>()(z.strictObject({ callId: CallId, hold: z.boolean() })),
  'phone:send-dtmf': invoke<null>()(z.strictObject({ callId: CallId, tones: z.string().regex(/^[0-9*#A-D]{1,32}$/) })),
  'phone:transfer-blind': invoke<null>()(z.strictObject({ callId: CallId, target: PhoneNumberSchema })),
  /** Attended transfer: `consultCallId` is the call to the transfer target, made while `callId` is held. */
  'phone:transfer-attended': invoke<null>()(z.strictObject({ callId: CallId, consultCallId: CallId })),
  'phone:conference': invoke<null>()(z.strictObject({ callId: CallId, otherCallId: CallId })),
  'phone:set-availability': invoke<PhoneState>()(z.strictObject({ availability: z.enum(['idle', 'busy', 'dnd']) })),
  'phone:finish-wrap-up': invoke<PhoneState>()(
    z.strictObject({ callId: z.string().uuid(), wrapUpCodeId: z.string().min(1).max(64).nullable(), note: z.string().max(2000) }),
  ),
  'phone:wrap-up-codes': invoke<z.infer<typeof WrapUpCodeSchema>[]>()(Void),
  'phone:select-devices': invoke<null>()(z.strictObject({ inputDeviceId: z.string().max(256).nullable(), outputDeviceId: z.string().max(256).nullable() })),
  /** The media side answers a `media:request`. */
  'media:respond': invoke<null>()(
    z.strictObject({
      requestId: z.number().int().nonnegative(),
      result: z.union([
        z.strictObject({ ok: z.literal(true), value: z.unknown() }),
        z.strictObject({ ok: z.literal(false), error: z.strictObject({ code: z.string().max(64), message: z.string().max(1000) }) }),
      ]),
    }),
  ),
  /** The media side reports a peer connection's state (e.g. failed → the services hang up). */
  'media:report': invoke<null>()(
    z.strictObject({ callId: CallId, connectionState: z.enum(['new', 'connecting', 'connected', 'disconnected', 'failed', 'closed']) }),
  ),
  /** The media page (re)connected: the services end calls whose media was lost (docs/PLATFORM-NOTES.md). */
  'media:attach': invoke<null>()(Void),
  'calls:list': invoke<z.infer<typeof StoredCallSchema>[]>()(z.strictObject({ missed: z.boolean().optional() })),
  'calls:pending': invoke<z.infer<typeof CallRecordSchema>[]>()(Void),
  'customers:lookup': invoke<z.infer<typeof CustomerCardSchema>>()(z.strictObject({ number: PhoneNumberSchema })),
  'customers:create': invoke<z.infer<typeof CustomerCardSchema>>()(
    z.strictObject({
      name: z.string().trim().min(1).max(64),
      phone: PhoneNumberSchema,
      email: z.string().max(128).optional(),
      note: z.string().max(2000).optional(),
    }),
  ),
} as const;

export const phoneEventChannels = {
  'phone:state-changed': PhoneStateSchema,
  /** A new inbound call: ring, notify, flash, and pop the customer's card. */
  'phone:incoming': z.object({ call: LiveCallSchema, card: CustomerCardSchema.nullable() }),
  'media:request': z.object({ requestId: z.number().int(), request: MediaOpSchema }),
  'calls:updated': StoredCallSchema,
} as const;
