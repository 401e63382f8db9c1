/**
 * What a file really is, from its bytes, and whether its name agrees. A name that promises one
 * type while the bytes are another (a .png that is an HTML page) is how a page or a program gets
 * opened by someone who thinks it is a picture; accept-file.ts refuses it on every path.
 */
import type { ImageMimeType } from '../../../shared/index.js';

export interface SniffedType {
  mime: string;
  isImage: boolean;
}

const startsWith = (bytes: Buffer, signature: string): boolean => bytes.subarray(0, signature.length).toString('latin1') === signature;
const startsWithBytes = (bytes: Buffer, signature: number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

/** PNG, JPEG, GIF or WebP by magic bytes; null for anything else. */
export function sniffImage(bytes: Buffer): ImageMimeType | null {
  if (startsWithBytes(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWithBytes(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWithBytes(bytes, [0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'image/gif';
  if (startsWithBytes(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWithBytes(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

/** Markup a browser would run or render: HTML, SVG, XML, scripts (after an optional BOM and spaces). */
function looksLikeMarkup(bytes: Buffer): boolean {
  const head = bytes
    .subarray(0, 512)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  return /^<(!doctype\s+html|html|head|body|script|svg|\?xml|iframe|object)\b/.test(head);
}

export function sniffFileType(bytes: Buffer): SniffedType {
  const image = sniffImage(bytes);
  if (image) return { mime: image, isImage: true };
  if (startsWith(bytes, '%PDF-')) return { mime: 'application/pdf', isImage: false };
  if (startsWith(bytes, 'PK\u0003\u0004')) return { mime: 'application/zip', isImage: false };
  if (looksLikeMarkup(bytes)) return { mime: 'text/html', isImage: false };
  return { mime: 'application/octet-stream', isImage: false };
}

/** Extensions whose content we can recognise, and the types they must have. */
const EXPECTED: Record<string, readonly string[]> = {
  png: ['image/png'],
  jpg: ['image/jpeg'],
  jpeg: ['image/jpeg'],
  gif: ['image/gif'],
  webp: ['image/webp'],
  pdf: ['application/pdf'],
  zip: ['application/zip'],
  docx: ['application/zip'],
  xlsx: ['application/zip'],
  pptx: ['application/zip'],
  html: ['text/html'],
  htm: ['text/html'],
  svg: ['text/html'],
};

/** Null when the name and the bytes agree; else why not. */
export function typeMismatch(name: string, type: SniffedType): string | null {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase();
  const expected = ext ? EXPECTED[ext] : undefined;
  if (expected && !expected.includes(type.mime)) return `the name says .${ext} but the content is ${type.mime}`;
  // Markup under any other name (or none) would be a page in disguise.
  if (!expected && type.mime === 'text/html') return 'the content is a web page (HTML/SVG) under another name';
  return null;
}
