/**
 * The records (对话记录) part of the IPC contract. Both channels go to the server every time (no
 * cache): records are history across all of an agent's conversations, and admins see everyone's.
 */
import { z } from 'zod';
import { invoke } from './invoke.js';
import type { Message } from '../domain.js';
import { RecordExportQuerySchema, RecordQuerySchema, type RecordPage } from '../protocol/rest-records.js';

/** An exported file, bytes as base64 so it crosses IPC and the browser shell's socket alike. */
export interface RecordExportFile {
  name: string;
  mime: string;
  dataBase64: string;
}

export const recordInvokeChannels = {
  'records:query': invoke<RecordPage>()(RecordQuerySchema),
  'records:export': invoke<RecordExportFile>()(RecordExportQuerySchema),
  /** The whole transcript of one record, read-only (the server checks the agent may read it). */
  'records:transcript': invoke<Message[]>()(z.strictObject({ conversationId: z.string().min(1).max(64) })),
} as const;
