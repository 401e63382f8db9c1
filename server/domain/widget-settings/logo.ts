/**
 * The widget's logo: an image checked by its bytes (like every upload, files/accept-file.ts), kept
 * with the attachment bytes under its own id, and served publicly only while it is the logo.
 */
import { uuidv7 } from '../../../shared/ids.js';
import { WIDGET_LIMITS, type WidgetLogoUpload, type WidgetSettings } from '../../../shared/widget-settings.js';
import type { ImageMimeType } from '../../../shared/index.js';
import type { DomainContext } from '../context.js';
import type { ConsoleActor } from '../admin/console-scope.js';
import { refuse } from '../errors.js';
import { acceptFile } from '../files/accept-file.js';
import { readWidgetSettings, saveWidgetSettings } from './settings.js';

export function uploadWidgetLogo(ctx: DomainContext, actor: ConsoleActor, upload: WidgetLogoUpload): WidgetSettings {
  const bytes = Buffer.from(upload.dataBase64, 'base64');
  if (bytes.length > WIDGET_LIMITS.logoBytesMax) refuse('PAYLOAD_TOO_LARGE', `The logo may be at most ${WIDGET_LIMITS.logoBytesMax / 1024} KB`);
  const file = acceptFile(upload.name, bytes);
  if (!file.isImage) refuse('UNSUPPORTED_MEDIA_TYPE', 'The logo must be a PNG, JPEG, GIF or WebP image', { 'body.dataBase64': 'not an image' });
  const id = uuidv7(ctx.clock());
  // Bytes first: a failed save leaves an orphan file (removed below), never a logo without bytes.
  ctx.store.attachmentBytes.write(id, bytes);
  try {
    return saveWidgetSettings(ctx, actor, (before) => ({ ...before, logo: { id, mime: file.mime as ImageMimeType } }));
  } catch (err) {
    ctx.store.attachmentBytes.remove(id);
    throw err;
  }
}

/** The current logo's bytes; any other id (an old logo, an attachment) looks missing. */
export function readWidgetLogo(ctx: DomainContext, id: string): { mime: string; bytes: Buffer } {
  const logo = readWidgetSettings(ctx).logo;
  const bytes = logo?.id === id ? ctx.store.attachmentBytes.read(id) : undefined;
  if (!logo || !bytes) return refuse('NOT_FOUND', 'No such logo');
  return { mime: logo.mime, bytes };
}
