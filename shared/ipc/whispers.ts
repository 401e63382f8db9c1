/**
 * 悄悄话 in the workstation: the open conversation's whispers (staff only) through the server, the
 * agent's answer, and the events that bring a new whisper and a supervisor's 强制接管 to the page.
 */
import { z } from 'zod';
import { textField } from '../domain.js';
import { LIMITS } from '../limits.js';
import { WhisperSchema, type Whisper } from '../protocol/rest-supervision.js';
import { invoke, Id } from './invoke.js';

export const whisperInvokeChannels = {
  /** From the server (whispers are not cached: they are few, and read when a conversation opens). */
  'whispers:list': invoke<Whisper[]>()(z.strictObject({ conversationId: Id })),
  /** The agent's answer to the supervisor; never shown to the visitor. */
  'whispers:answer': invoke<Whisper>()(z.strictObject({ conversationId: Id, text: textField(LIMITS.messageTextMax) })),
} as const;

export const whisperEventChannels = {
  /** A whisper in one of the agent's conversations arrived (a supervisor's, or the agent's own answer). */
  'whisper:received': WhisperSchema,
  /** 强制接管: a supervisor took this conversation; it has left the agent's list. */
  'conversation:taken-over': z.object({ conversationId: z.string(), roomNo: z.string() }),
} as const;
