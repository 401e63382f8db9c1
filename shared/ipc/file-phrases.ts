/**
 * The canned-files (常用文件) part of the IPC contract: the list comes from the workstation's
 * cache (works offline); uploads, renames, moves and deletes of the agent's own files go to the
 * server then the cache; "send" makes the file a message in a conversation through the outbox.
 */
import { z } from 'zod';
import { filePayloadSchema, invoke, Id } from './invoke.js';
import type { LocalMessage } from './local.js';
import { type FilePhrase, type FilePhraseList, filePhraseName, UpdateFilePhraseBodySchema } from '../file-phrases.js';
import { LIMITS } from '../limits.js';
import { textField } from '../domain.js';
import type { PhraseCategory } from '../phrases.js';

/** Canned files are named like the server names them. */
const FilePayload = filePayloadSchema(filePhraseName);

export const filePhraseInvokeChannels = {
  /** From the cache. */
  'file-phrases:list': invoke<FilePhraseList>()(z.undefined()),
  /** A personal canned file; `uploadId` (chosen by the caller) tags the progress events. */
  'file-phrases:upload': invoke<FilePhrase>()(
    z.strictObject({ uploadId: z.string().min(1).max(64), file: FilePayload, categoryId: Id.nullable().default(null) }),
  ),
  'file-phrases:update': invoke<FilePhrase>()(z.strictObject({ id: Id, patch: UpdateFilePhraseBodySchema })),
  'file-phrases:delete': invoke<null>()(z.strictObject({ id: Id })),
  /** A personal category (of 常用语 and 常用文件 alike) to file things in. */
  'phrase-categories:create': invoke<PhraseCategory>()(z.strictObject({ name: textField(LIMITS.nameMax) })),
  /** Sends the canned file as a file message in the conversation: answered with the message (sending). */
  'file-phrases:send': invoke<LocalMessage>()(z.strictObject({ id: Id, conversationId: Id })),
} as const;

export const filePhraseEventChannels = {
  /** Bytes of an upload the server has received so far. */
  'file-phrases:upload-progress': z.object({ uploadId: z.string(), sent: z.number().int(), total: z.number().int() }),
} as const;
