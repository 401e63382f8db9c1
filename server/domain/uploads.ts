/** Uploads: the type comes from the bytes, never from the name or the declared content type. */
import { createHash } from 'node:crypto';
import { LIMITS, uuidv7, type Attachment, type ImageMimeType } from '../../shared/index.js';
import type { AttachmentRow } from '../store/types.js';
import type { DomainContext, Principal } from './context.js';
import { handledConversation, readableConversation } from './access.js';
import { refuse } from './errors.js';
import { toAttachment } from './dto.js';

const startsWith = (bytes: Buffer, signature: number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

/** PNG, JPEG, GIF or WebP by magic bytes; null for anything else. */
export function sniffImage(bytes: Buffer): ImageMimeType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'image/gif';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

/** Keeps a name safe to show and to put in Content-Disposition: no paths, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.replace(/[\\/]/g, '_').replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (base || 'file').slice(0, LIMITS.fileNameMax);
}

export function uploadAttachment(ctx: DomainContext, principal: Principal, conversationId: string, name: string, bytes: Buffer): Attachment {
  const conversation = handledConversation(ctx, principal, conversationId);
  if (conversation.state === 'ended') refuse('INVALID_STATE', 'This conversation has ended');
  if (bytes.length === 0) refuse('VALIDATION_FAILED', 'The file is empty', { body: 'empty' });
  if (bytes.length > LIMITS.fileBytesMax) refuse('PAYLOAD_TOO_LARGE', `Files may be at most ${LIMITS.fileBytesMax} bytes`);
  const image = sniffImage(bytes);
  if (image && bytes.length > LIMITS.imageBytesMax) refuse('PAYLOAD_TOO_LARGE', `Images may be at most ${LIMITS.imageBytesMax} bytes`);
  const now = ctx.clock();
  const row: AttachmentRow = {
    id: uuidv7(now),
    conversationId,
    name: cleanFileName(name),
    size: bytes.length,
    mime: image ?? 'application/octet-stream',
    isImage: image !== null,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    createdAt: now,
  };
  // Bytes first: a crash between the two leaves an orphan file, never a row without bytes.
  ctx.store.attachmentBytes.write(row.id, bytes);
  return insertAttachmentRow(ctx, row);
}

/** Records an attachment whose bytes are already stored; if the row cannot be written, the bytes go too. */
export function insertAttachmentRow(ctx: DomainContext, row: AttachmentRow): Attachment {
  try {
    ctx.store.transaction(() => ctx.store.attachments.insert(row));
  } catch (err) {
    ctx.store.attachmentBytes.remove(row.id);
    throw err;
  }
  return toAttachment(row);
}

export function readAttachment(ctx: DomainContext, principal: Principal, id: string): { attachment: Attachment; bytes: Buffer } {
  const row = ctx.store.attachments.byId(id);
  if (!row) return refuse('NOT_FOUND', 'No such attachment');
  try {
    readableConversation(ctx, principal, row.conversationId);
  } catch {
    // Someone else's attachment looks exactly like a missing one.
    return refuse('NOT_FOUND', 'No such attachment');
  }
  const bytes = ctx.store.attachmentBytes.read(id);
  if (!bytes) return refuse('NOT_FOUND', 'The attachment file is missing');
  return { attachment: toAttachment(row), bytes };
}
