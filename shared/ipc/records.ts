/**
 * The records (对话记录) part of the IPC contract. Both channels go to the server every time (no
 * cache): records are history across all of an agent's conversations, and admins see everyone's.
 */
import { z } from 'zod';
import type { Message } from '../domain.js';
import { RecordExportQuerySchema, RecordQuerySchema, type RecordPage } from '../protocol/rest-records.js';

/** An exported file, bytes as base64 so it crosses IPC and the browser shell's socket alike. */
export interface RecordExportFile {
  name: string;
  mime: string;
  dataBase64: string;
}

const invokeRecords =
  <Res>() =>
  <Req extends z.ZodType>(request: Req) => ({ request, response: undefined as Res });

export const recordInvokeChannels = {
  'records:query': invokeRecords<RecordPage>()(RecordQuerySchema),
  'records:export': invokeRecords<RecordExportFile>()(RecordExportQuerySchema),
  /** The whole transcript of one record, read-only (the server checks the agent may read it). */
  'records:transcript': invokeRecords<Message[]>()(z.strictObject({ conversationId: z.string().min(1).max(64) })),
} as const;
