/**
 * Self-update (自动更新) in the IPC contract: the workstation checks its server's update folder at
 * start and every few hours, downloads in the background, and installs on quit or when the agent
 * clicks 立即重启 — never during a call or while messages wait in the outbox. The browser shell and
 * a development build cannot update themselves: available is false there.
 */
import { z } from 'zod';
import { invoke, Void } from './invoke.js';

export const UpdatePhaseSchema = z.enum(['idle', 'checking', 'downloading', 'downloaded', 'failed']);
export type UpdatePhase = z.infer<typeof UpdatePhaseSchema>;

/** What holds an install back: a call in progress, or messages not yet sent. */
export const UpdateBlockerSchema = z.enum(['call', 'outbox']);
export type UpdateBlocker = z.infer<typeof UpdateBlockerSchema>;

export const UpdateStateSchema = z.object({
  available: z.boolean(),
  phase: UpdatePhaseSchema,
  currentVersion: z.string(),
  /** The version being downloaded or ready to install; null otherwise. */
  version: z.string().nullable(),
  /** 0–100 while downloading; null otherwise. */
  percent: z.number().min(0).max(100).nullable(),
  /** Why the last 立即重启 (or the install on quit) waited; null when nothing holds it back. */
  blockedBy: UpdateBlockerSchema.nullable(),
  /** The last failure in words (phase 'failed'); null otherwise. */
  error: z.string().nullable(),
  /** When the server was last asked (ms epoch); null before the first check. */
  checkedAt: z.number().nullable(),
});
export type UpdateState = z.infer<typeof UpdateStateSchema>;

export const updateInvokeChannels = {
  'update:get-state': invoke<UpdateState>()(Void),
  /** 检查更新: asks the server now (the timer asks every few hours anyway). */
  'update:check-now': invoke<UpdateState>()(Void),
  /** 立即重启: quits through the quit rules and installs; refused during a call or with unsent messages. */
  'update:restart-now': invoke<UpdateState>()(Void),
} as const;

export const updateEventChannels = {
  'update:changed': UpdateStateSchema,
} as const;
