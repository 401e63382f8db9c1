/**
 * Canned files (常用文件) — SPEC E: like 常用语/常用链接 (public ones managed by admins, personal
 * ones by their agent, in the same categories) but the item is a file stored once on the server.
 * "Send" turns it into an attachment of the conversation in view and a normal file message
 * (client id, outbox, idempotent), so the visitor downloads it like any other file.
 */
import { z } from 'zod';
import { nameField } from './domain.js';
import { LIMITS } from './limits.js';
import { PhraseScopeSchema } from './phrases.js';
import { ContentGroupIdSchema, groupIdFitsScope } from './content-scope.js';

export const FILE_PHRASE_LIMITS = {
  /** Canned files one agent may own, and public ones in total. Smaller than phrases: they carry bytes. */
  perOwnerMax: 200,
  /** Same ceiling as a file sent in a conversation: a canned file must be sendable. */
  bytesMax: LIMITS.fileBytesMax,
} as const;

export const FilePhraseSchema = z.object({
  id: z.string(),
  scope: PhraseScopeSchema,
  /** The owning agent of a personal file; null for public and group ones. */
  ownerId: z.string().nullable(),
  /** The skill group of a group file; null otherwise. */
  groupId: z.string().nullable(),
  /** A phrase category (shared with 常用语) of the same scope and owner, or null. */
  categoryId: z.string().nullable(),
  /** The file name shown to the agent and given to the visitor's download. */
  name: z.string(),
  size: z.number().int(),
  /** From the bytes, never from the name. */
  mime: z.string(),
  isImage: z.boolean(),
  sortOrder: z.number().int(),
  updatedAt: z.number(),
});
export type FilePhrase = z.infer<typeof FilePhraseSchema>;

export const FilePhraseListSchema = z.object({ files: z.array(FilePhraseSchema) });
export type FilePhraseList = z.infer<typeof FilePhraseListSchema>;

const categoryId = z.string().min(1).max(64).nullable();
const sortOrder = z.number().int().min(0).max(1_000_000);
export const filePhraseName = nameField(LIMITS.fileNameMax);

/** Upload: the bytes are the raw body; what the file is called and where it goes ride in the query. */
export const UploadFilePhraseQuerySchema = z
  .strictObject({
    scope: PhraseScopeSchema,
    /** The skill group of a group file (required then, refused otherwise). */
    groupId: ContentGroupIdSchema.optional(),
    name: filePhraseName,
    categoryId: z.string().min(1).max(64).optional(),
  })
  .superRefine(groupIdFitsScope);
export type UploadFilePhraseQuery = z.infer<typeof UploadFilePhraseQuerySchema>;

/** Rename, move to another category (null: none), reorder. Scope, group, owner and bytes never change. */
export const UpdateFilePhraseBodySchema = z.strictObject({
  name: filePhraseName.optional(),
  categoryId: categoryId.optional(),
  sortOrder: sortOrder.optional(),
});
export type UpdateFilePhraseBody = z.infer<typeof UpdateFilePhraseBodySchema>;

export const AttachFilePhraseBodySchema = z.strictObject({ conversationId: z.string().min(1).max(64) });

/** Case-insensitive match on the name; an empty query matches all. */
export function filePhraseMatches(file: Pick<FilePhrase, 'name'>, query: string): boolean {
  const q = query.trim().toLowerCase();
  return q === '' || file.name.toLowerCase().includes(q);
}

/** "12 B", "3.4 KB", "5.0 MB": sizes as an agent reads them. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
