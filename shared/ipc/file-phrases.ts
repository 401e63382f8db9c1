/**
 * The canned-files (常用文件) part of the IPC contract: the list comes from the workstation's
 * cache (works offline); uploads, renames, moves and deletes of the agent's own files go to the
 * server then the cache; "send" makes the file a message in a conversation through the outbox.
 */
import { z } from 'zod';
import type { LocalMessage } from './contract.js';
import { type FilePhrase, type FilePhraseList, filePhraseName, UpdateFilePhraseBodySchema } from '../file-phrases.js';
import { LIMITS } from '../limits.js';
import { textField } from '../domain.js';
import type { PhraseCategory } from '../phrases.js';

const Id = z.string().min(1).max(64);
/** Like contract.ts's FilePayloadSchema (not imported: contract.ts composes this file). */
const FilePayload = z.strictObject({
  name: filePhraseName,
  /** Base64 of the bytes; the server checks the real type. */
  dataBase64: z
    .string()
    .min(1)
    .max(Math.ceil((LIMITS.fileBytesMax * 4) / 3) + 4),
});

const invokeFiles =
  <Res>() =>
  <Req extends z.ZodType>(request: Req) => ({ request, response: undefined as Res });

export const filePhraseInvokeChannels = {
  /** From the cache. */
  'file-phrases:list': invokeFiles<FilePhraseList>()(z.undefined()),
  /** A personal canned file; `uploadId` (chosen by the caller) tags the progress events. */
  'file-phrases:upload': invokeFiles<FilePhrase>()(
    z.strictObject({ uploadId: z.string().min(1).max(64), file: FilePayload, categoryId: Id.nullable().default(null) }),
  ),
  'file-phrases:update': invokeFiles<FilePhrase>()(z.strictObject({ id: Id, patch: UpdateFilePhraseBodySchema })),
  'file-phrases:delete': invokeFiles<null>()(z.strictObject({ id: Id })),
  /** A personal category (of 常用语 and 常用文件 alike) to file things in. */
  'phrase-categories:create': invokeFiles<PhraseCategory>()(z.strictObject({ name: textField(LIMITS.nameMax) })),
  /** Sends the canned file as a file message in the conversation: answered with the message (sending). */
  'file-phrases:send': invokeFiles<LocalMessage>()(z.strictObject({ id: Id, conversationId: Id })),
} as const;

export const filePhraseEventChannels = {
  /** Bytes of an upload the server has received so far. */
  'file-phrases:upload-progress': z.object({ uploadId: z.string(), sent: z.number().int(), total: z.number().int() }),
  /** The server says phrases/links/files changed (ownerId null: public ones): the services re-sync, then `phrases:changed`. */
  'phrases:outdated': z.object({ ownerId: z.string().nullable() }),
} as const;
