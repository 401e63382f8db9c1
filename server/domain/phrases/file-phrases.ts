/**
 * Canned files (常用文件): the same ownership rules as phrases (public: admins; a group's: admins
 * and its 组长; personal: their owner only), bytes checked like uploads (size, type by content), and "attach": a new attachment
 * of a conversation the caller handles, sharing the canned file's bytes. The message itself then
 * goes through the normal path (sendMessage, idempotent on clientId).
 */
import { uuidv7, type Attachment } from '../../../shared/index.js';
import {
  FILE_PHRASE_LIMITS,
  type FilePhrase,
  type FilePhraseList,
  type UpdateFilePhraseBody,
  type UploadFilePhraseQuery,
} from '../../../shared/file-phrases.js';
import type { FilePhraseRow } from '../../store/phrase-types.js';
import type { AttachmentRow } from '../../store/types.js';
import { handledConversation } from '../access.js';
import type { DomainContext, Principal } from '../context.js';
import { refuse } from '../errors.js';
import { insertAttachmentRow } from '../uploads.js';
import { acceptFile } from '../files/accept-file.js';
import { cleanFileName } from '../files/file-name.js';
import { typeMismatch } from '../files/file-type.js';
import { emitPhrasesChanged } from './changes.js';
import { auditPublicChange } from './public-audit.js';
import { assertCanEdit, assertCategoryFits, ownerFor, ownerOf, readerOf } from './phrases.js';
import { consoleContentView } from './group-scope.js';
import type { ContentScopeFilter } from '../../../shared/content-scope.js';

type Staff = Extract<Principal, { kind: 'staff' }>;

const toFilePhrase = ({ sha256: _sha256, ...file }: FilePhraseRow): FilePhrase => file;

export function listFilePhrases(ctx: DomainContext, staff: Staff): FilePhraseList {
  return { files: ctx.store.filePhrases.visibleTo(readerOf(staff)).map(toFilePhrase) };
}

/** The console's list: the company's and the groups' files the caller manages, as the filter narrows them. */
export function listManagedFilePhrases(ctx: DomainContext, staff: Staff, filter: ContentScopeFilter): FilePhraseList {
  return { files: ctx.store.filePhrases.shared(consoleContentView(ctx, staff.agent, filter)).map(toFilePhrase) };
}

/** A canned file the caller may use: public, their group's, or their own personal one. Others' look missing. */
function usableFile(ctx: DomainContext, staff: Staff, id: string): FilePhraseRow {
  const row = ctx.store.filePhrases.byId(id);
  const usable =
    row &&
    (row.scope === 'public' || (row.scope === 'group' && row.groupId === staff.agent.groupId) || (row.scope === 'personal' && row.ownerId === staff.agent.id));
  return usable ? row : refuse('NOT_FOUND', 'No such canned file');
}

export function uploadFilePhrase(ctx: DomainContext, staff: Staff, query: UploadFilePhraseQuery, bytes: Buffer): FilePhrase {
  // Every check before anything is written: a refused upload stores nothing.
  const owner = ownerFor(ctx, staff, query.scope, query.groupId ?? null, 'files');
  // The same rule as an upload in a conversation (FILE_PHRASE_LIMITS.bytesMax is that limit).
  const file = acceptFile(query.name, bytes);
  const now = ctx.clock();
  const row: FilePhraseRow = {
    id: uuidv7(now),
    ...owner,
    categoryId: query.categoryId ?? null,
    name: file.name,
    size: bytes.length,
    mime: file.mime,
    isImage: file.isImage,
    sha256: file.sha256,
    sortOrder: 0,
    updatedAt: now,
  };
  // Bytes first, outside the write lock, as uploads do: a crash leaves an orphan file, never a row without bytes.
  ctx.store.attachmentBytes.write(row.id, bytes);
  try {
    return ctx.store.transaction(() => {
      if (ctx.store.filePhrases.countFor(owner) >= FILE_PHRASE_LIMITS.perOwnerMax) {
        refuse('CAPACITY_REACHED', `At most ${FILE_PHRASE_LIMITS.perOwnerMax} canned files here; delete some first`);
      }
      assertCategoryFits(ctx, row.categoryId, owner);
      row.sortOrder = ctx.store.filePhrases.nextSortOrder(owner);
      ctx.store.filePhrases.insert(row);
      emitPhrasesChanged(ctx, row);
      auditPublicChange(ctx, staff, 'filePhrase', 'create', row, null, row);
      return toFilePhrase(row);
    });
  } catch (err) {
    ctx.store.attachmentBytes.remove(row.id);
    throw err;
  }
}

export function updateFilePhrase(ctx: DomainContext, staff: Staff, id: string, patch: UpdateFilePhraseBody): FilePhrase {
  return ctx.store.transaction(() => {
    const row = ctx.store.filePhrases.byId(id) ?? refuse('NOT_FOUND', 'No such canned file');
    assertCanEdit(ctx, staff.agent, row, 'files');
    assertCategoryFits(ctx, patch.categoryId, ownerOf(row));
    const name = patch.name === undefined ? undefined : cleanFileName(patch.name);
    if (name !== undefined) {
      const mismatch = typeMismatch(name, row);
      if (mismatch) refuse('VALIDATION_FAILED', `This name does not fit the file: ${mismatch}`, { name: mismatch });
    }
    const changes = { ...patch, ...(name === undefined ? {} : { name }), updatedAt: ctx.clock() };
    ctx.store.filePhrases.update(id, changes);
    emitPhrasesChanged(ctx, row);
    auditPublicChange(ctx, staff, 'filePhrase', 'update', row, row, { ...row, ...changes });
    return toFilePhrase({ ...row, ...changes });
  });
}

export function deleteFilePhrase(ctx: DomainContext, staff: Staff, id: string): { ok: true } {
  ctx.store.transaction(() => {
    const row = ctx.store.filePhrases.byId(id) ?? refuse('NOT_FOUND', 'No such canned file');
    assertCanEdit(ctx, staff.agent, row, 'files');
    ctx.store.filePhrases.remove(id);
    emitPhrasesChanged(ctx, row);
    auditPublicChange(ctx, staff, 'filePhrase', 'delete', row, row, null);
  });
  // After the commit: sent copies are hard links (or copies) of their own, so they keep their bytes.
  ctx.store.attachmentBytes.remove(id);
  return { ok: true };
}

/** A new attachment of the conversation naming the canned file's bytes; the caller then sends it. */
export function attachFilePhrase(ctx: DomainContext, staff: Staff, id: string, conversationId: string): Attachment {
  const file = usableFile(ctx, staff, id);
  const conversation = handledConversation(ctx, staff, conversationId);
  if (conversation.state !== 'active')
    refuse('INVALID_STATE', conversation.state === 'ended' ? 'This conversation has ended' : 'Accept the conversation before sending');
  const now = ctx.clock();
  const row: AttachmentRow = {
    id: uuidv7(now),
    conversationId,
    // Cleaned again: a canned file stored before names were cleaned still reaches the visitor here.
    name: cleanFileName(file.name),
    size: file.size,
    mime: file.mime === 'text/html' ? 'application/octet-stream' : file.mime,
    isImage: file.isImage,
    sha256: file.sha256,
    createdAt: now,
  };
  if (!ctx.store.attachmentBytes.link(file.id, row.id)) refuse('NOT_FOUND', 'The canned file’s content is missing');
  return insertAttachmentRow(ctx, row);
}
