/**
 * 头像: an agent's picture. Its type comes from its bytes (PNG, JPEG, GIF or WebP — never an SVG or
 * a page), its bytes go where attachment bytes go (files beside SQLite's database, attachment_blobs
 * on PostgreSQL) under an id of their own, and the agent row names that id. A new picture gets a
 * new id, so a picture's address never changes what it shows; the old bytes go after the commit.
 * Only an id some agent has is served, so no other stored bytes can be reached through here.
 */
import { uuidv7, type Agent, type ImageMimeType } from '../../shared/index.js';
import { AVATAR_LIMITS } from '../../shared/avatars.js';
import type { AgentRow } from '../store/types.js';
import type { DomainContext } from './context.js';
import { toAgent } from './dto.js';
import { refuse } from './errors.js';
import { sniffImage } from './files/file-type.js';
import { recordAudit } from './admin/audit.js';
import { assertManages, type ConsoleActor } from './admin/console-scope.js';

const FILE_FIELD = 'body.dataBase64';

/**
 * Who changes whose picture, for the audit log: a console user (their scope applies) or the agent
 * their own (我的头像, from the workstation: no scope to check, `own`). Absent: seed and tools.
 */
export interface AvatarChange {
  agentId: string;
  actor?: ConsoleActor;
  own?: boolean;
}

function pictureOf(dataBase64: string): Buffer {
  const bytes = Buffer.from(dataBase64, 'base64');
  if (bytes.length === 0) refuse('VALIDATION_FAILED', 'The picture is empty', { [FILE_FIELD]: 'empty' });
  if (bytes.length > AVATAR_LIMITS.bytesMax) refuse('PAYLOAD_TOO_LARGE', `An avatar may be at most ${AVATAR_LIMITS.bytesMax} bytes`);
  if (!sniffImage(bytes)) refuse('UNSUPPORTED_MEDIA_TYPE', 'An avatar must be a PNG, JPEG, GIF or WebP picture', { [FILE_FIELD]: 'not an image' });
  return bytes;
}

function target(ctx: DomainContext, change: AvatarChange): AgentRow {
  const row = ctx.store.agents.byId(change.agentId) ?? refuse('NOT_FOUND', 'No such agent');
  if (change.actor && !change.own) assertManages(change.actor, row);
  return row;
}

/**
 * A picture's bytes once no agent names them any more (replaced, removed, or the account deleted):
 * call after the commit, so a rollback never leaves an agent naming missing bytes.
 */
export function dropAvatarBytes(ctx: DomainContext, avatarId: string | null | undefined): void {
  if (avatarId) ctx.store.attachmentBytes.remove(avatarId);
}

/** Points the agent at a new picture (or none) in one transaction; the replaced bytes go after it commits. */
function swap(ctx: DomainContext, change: AvatarChange, avatarId: string | null): Agent {
  const before = ctx.store.transaction(() => {
    // Again inside the transaction: the account or its group may have changed meanwhile.
    const before = target(ctx, change);
    ctx.store.agents.update(before.id, { avatarId });
    if (change.actor && (before.avatarId ?? null) !== avatarId)
      recordAudit(ctx, change.actor, 'agent.update', { type: 'agent', id: before.id }, { avatarId: before.avatarId ?? null }, { avatarId });
    return before;
  });
  if (before.avatarId !== avatarId) dropAvatarBytes(ctx, before.avatarId);
  ctx.signal();
  return toAgent(ctx, ctx.store.agents.byId(before.id)!);
}

export function setAvatar(ctx: DomainContext, change: AvatarChange, dataBase64: string): Agent {
  // Every check before anything is written: a refused picture stores nothing.
  const bytes = pictureOf(dataBase64);
  target(ctx, change);
  const avatarId = uuidv7(ctx.clock());
  // Bytes first, as uploads do: a crash leaves an orphan file, never an agent naming missing bytes.
  ctx.store.attachmentBytes.write(avatarId, bytes);
  try {
    return swap(ctx, change, avatarId);
  } catch (error) {
    dropAvatarBytes(ctx, avatarId);
    throw error;
  }
}

export function removeAvatar(ctx: DomainContext, change: AvatarChange): Agent {
  return swap(ctx, change, null);
}

/** The picture of an avatar id some agent has now; any other id is NOT_FOUND. */
export function readAvatar(ctx: DomainContext, avatarId: string): { bytes: Buffer; mime: ImageMimeType } {
  if (!ctx.store.agents.byAvatarId(avatarId)) return refuse('NOT_FOUND', 'No such avatar');
  const bytes = ctx.store.attachmentBytes.read(avatarId);
  const mime = bytes && sniffImage(bytes);
  if (!bytes || !mime) return refuse('NOT_FOUND', 'The avatar picture is missing');
  return { bytes, mime };
}
