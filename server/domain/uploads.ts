/** Uploads: the type comes from the bytes, never from the name or the declared content type. */
import { uuidv7, type Attachment } from '../../shared/index.js';
import type { AttachmentRow } from '../store/types.js';
import type { DomainContext, Principal } from './context.js';
import { handledConversation, readableConversation } from './access.js';
import { refuse } from './errors.js';
import { toAttachment } from './dto.js';
import { acceptFile } from './files/accept-file.js';
import { uploadBytesMax, uploadRuleFor, type UploadRule } from '../../shared/company-rules.js';

export function uploadAttachment(ctx: DomainContext, principal: Principal, conversationId: string, name: string, bytes: Buffer): Attachment {
  const conversation = handledConversation(ctx, principal, conversationId);
  if (conversation.state === 'ended') refuse('INVALID_STATE', 'This conversation has ended');
  const rule = uploadRuleFor(ctx.settings(), principal.kind === 'visitor' ? 'visitor' : 'staff');
  if (!rule.allowed) refuse('FORBIDDEN', 'Visitors may not send images or files here', { upload: 'disabled' });
  const file = acceptFile(name, bytes);
  refuseTooLarge(rule, file.isImage, bytes.length);
  const now = ctx.clock();
  const row: AttachmentRow = {
    id: uuidv7(now),
    conversationId,
    name: file.name,
    size: bytes.length,
    // Only images keep their type: anything else is served as a download, whatever it is.
    mime: file.isImage ? file.mime : 'application/octet-stream',
    isImage: file.isImage,
    sha256: file.sha256,
    createdAt: now,
  };
  // Bytes first: a crash between the two leaves an orphan file, never a row without bytes.
  ctx.store.attachmentBytes.write(row.id, bytes);
  return insertAttachmentRow(ctx, row);
}

/**
 * 公司设置's size for who is sending (visitors and agents each have their own, within the hard
 * limits acceptFile already applied). Checked before a byte is stored; the widget and the
 * workstation check the same rule (shared/company-rules.ts) before they upload.
 */
function refuseTooLarge(rule: UploadRule, isImage: boolean, size: number): void {
  const max = uploadBytesMax(rule, isImage);
  if (size > max) refuse('PAYLOAD_TOO_LARGE', `${isImage ? 'Images' : 'Files'} may be at most ${max} bytes`, { body: 'too large', maxBytes: String(max) });
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
