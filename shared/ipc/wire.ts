/**
 * How the IPC contract travels over the browser shell's local WebSocket. Electron uses
 * ipcRenderer.invoke / webContents.send instead; the channels and payloads are the same.
 */
import { z } from 'zod';
import type { AppError } from '../errors.js';

export const SHELL_IPC_PATH = '/ipc';

/** page → shell */
export const ShellRequestFrameSchema = z.strictObject({
  kind: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  request: z.unknown(),
});
export type ShellRequestFrame = z.infer<typeof ShellRequestFrameSchema>;

/** shell → page */
export type ShellResponseFrame =
  { kind: 'result'; id: number; result: { ok: true; value: unknown } | { ok: false; error: AppError } } | { kind: 'event'; channel: string; payload: unknown };
