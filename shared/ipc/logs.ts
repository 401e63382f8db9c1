/**
 * 导出日志 (issue 10): the workstation's log files and a manifest (app version, OS, time) in one
 * zip, for support. The desktop app saves it where the agent picks in a save dialog; the browser
 * shell cannot write where the agent wants, so it hands the page a one-time download address on
 * its own local server instead.
 */
import { z } from 'zod';
import { invoke } from './invoke.js';

export const LogExportResultSchema = z.discriminatedUnion('outcome', [
  /** Written to `path` (the save dialog's choice). */
  z.object({ outcome: z.literal('saved'), path: z.string(), bytes: z.number().int().nonnegative() }),
  /** The agent closed the save dialog. */
  z.object({ outcome: z.literal('cancelled') }),
  /** Browser shell: the page downloads `url` (same origin, valid once and for a minute) as `name`. */
  z.object({ outcome: z.literal('download'), url: z.string(), name: z.string() }),
]);
export type LogExportResult = z.infer<typeof LogExportResultSchema>;

/** Bytes of log files packed so far, while the desktop app writes the archive. */
export const LogExportProgressSchema = z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() });
export type LogExportProgress = z.infer<typeof LogExportProgressSchema>;

export const logInvokeChannels = {
  'logs:export': invoke<LogExportResult>()(z.undefined()),
} as const;

export const logEventChannels = {
  'logs:export-progress': LogExportProgressSchema,
} as const;
