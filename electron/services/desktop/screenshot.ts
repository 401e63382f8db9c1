/**
 * 截屏: from a display's raw bitmap (desktopCapturer thumbnail → NativeImage.toBitmap(), which is
 * BGRA on Windows/Linux) and the rectangle the agent dragged in the overlay (DIPs), to the PNG
 * bytes sent into the conversation as an image message. Pure Node, tested on real images.
 */
import { LIMITS } from '../../../shared/limits.js';
import { encodePng, type RgbaImage } from './png.js';

export interface ScreenBitmap {
  /** Device pixels. */
  width: number;
  height: number;
  data: Uint8Array;
  order: 'bgra' | 'rgba';
}

/** The dragged rectangle in DIPs, relative to the display's top-left (may extend past its edges). */
export interface SelectionRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** DIP rect → device-pixel rect inside the bitmap (HiDPI scale factor, rounded outward, clamped); null when empty. */
export function devicePixelRect(rect: SelectionRect, scaleFactor: number, bitmap: { width: number; height: number }): SelectionRect | null {
  // A drag from right to left gives a negative width: normalise first.
  const left = Math.min(rect.x, rect.x + rect.width) * scaleFactor;
  const top = Math.min(rect.y, rect.y + rect.height) * scaleFactor;
  const right = Math.max(rect.x, rect.x + rect.width) * scaleFactor;
  const bottom = Math.max(rect.y, rect.y + rect.height) * scaleFactor;
  const x0 = Math.max(0, Math.floor(left));
  const y0 = Math.max(0, Math.floor(top));
  const x1 = Math.min(bitmap.width, Math.ceil(right));
  const y1 = Math.min(bitmap.height, Math.ceil(bottom));
  if (x1 - x0 < 1 || y1 - y0 < 1) return null;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

export function cropToRgba(bitmap: ScreenBitmap, rect: SelectionRect): RgbaImage {
  if (bitmap.data.length !== bitmap.width * bitmap.height * 4) throw new RangeError('bitmap size does not match its dimensions');
  const data = new Uint8Array(rect.width * rect.height * 4);
  for (let y = 0; y < rect.height; y++) {
    const from = ((rect.y + y) * bitmap.width + rect.x) * 4;
    const row = bitmap.data.subarray(from, from + rect.width * 4);
    data.set(row, y * rect.width * 4);
  }
  if (bitmap.order === 'bgra') {
    for (let i = 0; i < data.length; i += 4) {
      const blue = data[i]!;
      data[i] = data[i + 2]!;
      data[i + 2] = blue;
    }
  }
  // Screens are opaque; some capturers leave alpha 0, which would send an invisible image.
  for (let i = 3; i < data.length; i += 4) data[i] = 255;
  return { width: rect.width, height: rect.height, data };
}

export function screenshotFileName(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `截屏-${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}.png`;
}

export type ScreenshotResult = { ok: true; png: Buffer; width: number; height: number } | { ok: false; reason: 'empty-selection' | 'too-large' };

/** Crop and encode; refuses an empty selection or a PNG over the image size limit. */
export function encodeScreenshot(bitmap: ScreenBitmap, rect: SelectionRect, scaleFactor: number): ScreenshotResult {
  const pixels = devicePixelRect(rect, scaleFactor, bitmap);
  if (!pixels) return { ok: false, reason: 'empty-selection' };
  const png = encodePng(cropToRgba(bitmap, pixels));
  if (png.length > LIMITS.imageBytesMax) return { ok: false, reason: 'too-large' };
  return { ok: true, png, width: pixels.width, height: pixels.height };
}

/** The `conversations:send-message` request that sends the screenshot as an image. */
export function screenshotMessage(conversationId: string, png: Buffer, at: Date) {
  return { conversationId, kind: 'image' as const, file: { name: screenshotFileName(at), dataBase64: png.toString('base64') } };
}
