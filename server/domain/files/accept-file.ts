/**
 * The one rule for every file a person hands us — an upload in a conversation (visitor or agent)
 * and a canned file (常用文件) alike: not empty, within the size limits, its type taken from its
 * bytes, and a name that does not promise another type (415 otherwise). Every check runs before
 * anything is stored.
 */
import { createHash } from 'node:crypto';
import { LIMITS } from '../../../shared/limits.js';
import { refuse } from '../errors.js';
import { cleanFileName } from './file-name.js';
import { sniffFileType, typeMismatch } from './file-type.js';

export interface AcceptedFile {
  /** Cleaned (cleanFileName). */
  name: string;
  /** From the bytes, never from the name or a declared content type. */
  mime: string;
  isImage: boolean;
  sha256: string;
}

export function acceptFile(rawName: string, bytes: Buffer): AcceptedFile {
  if (bytes.length === 0) refuse('VALIDATION_FAILED', 'The file is empty', { body: 'empty' });
  if (bytes.length > LIMITS.fileBytesMax) refuse('PAYLOAD_TOO_LARGE', `Files may be at most ${LIMITS.fileBytesMax} bytes`);
  const type = sniffFileType(bytes);
  if (type.isImage && bytes.length > LIMITS.imageBytesMax) refuse('PAYLOAD_TOO_LARGE', `Images may be at most ${LIMITS.imageBytesMax} bytes`);
  const name = cleanFileName(rawName);
  const mismatch = typeMismatch(name, type);
  if (mismatch) refuse('UNSUPPORTED_MEDIA_TYPE', `This file is not what its name says: ${mismatch}`, { name: mismatch });
  return { name, mime: type.mime, isImage: type.isImage, sha256: createHash('sha256').update(bytes).digest('hex') };
}
