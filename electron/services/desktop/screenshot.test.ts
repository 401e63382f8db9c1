import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../test-support/server-process.js';
import { loginOnline, openDesk, startStack } from '../test-support/agent-harness.js';
import { removeTempDirs } from '../test-support/temp-dir.js';
import { startVisitor } from '../test-support/visitor.js';
import { waitFor } from '../test-support/wait-for.js';
import { decodePng } from './png.js';
import { devicePixelRect, encodeScreenshot, screenshotFileName, screenshotMessage, type ScreenBitmap } from './screenshot.js';

/** A real picture (the app icon) laid out as a screen: BGRA like NativeImage.toBitmap(), alpha left at 0 like some capturers. */
function screenFromIcon(): { screen: ScreenBitmap; rgba: Uint8Array; width: number } {
  const icon = decodePng(readFileSync(join(REPO_ROOT, 'build/icon.png')));
  const bgra = new Uint8Array(icon.data.length);
  for (let i = 0; i < icon.data.length; i += 4) {
    bgra[i] = icon.data[i + 2]!;
    bgra[i + 1] = icon.data[i + 1]!;
    bgra[i + 2] = icon.data[i]!;
    bgra[i + 3] = 0;
  }
  return { screen: { width: icon.width, height: icon.height, data: bgra, order: 'bgra' }, rgba: icon.data, width: icon.width };
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  removeTempDirs();
});

describe('screenshot cropping and encoding', () => {
  it('crops the dragged region at a HiDPI scale factor; the PNG decodes back to exactly those pixels, opaque, in RGBA', () => {
    const { screen, rgba, width } = screenFromIcon();
    // 512 device px = 256 DIPs at scale 2: a 100×60 DIP selection is 200×120 device px from (80, 140).
    const result = encodeScreenshot(screen, { x: 40, y: 70, width: 100, height: 60 }, 2);
    if (!result.ok) throw new Error(result.reason);
    const decoded = decodePng(result.png);
    expect([decoded.width, decoded.height]).toEqual([200, 120]);
    let differing = 0;
    for (let y = 0; y < 120; y++)
      for (let x = 0; x < 200; x++) {
        const source = ((140 + y) * width + 80 + x) * 4;
        const out = (y * 200 + x) * 4;
        for (let c = 0; c < 3; c++) if (decoded.data[out + c] !== rgba[source + c]) differing++;
        if (decoded.data[out + 3] !== 255) differing++;
      }
    expect(differing).toBe(0);
    // Not one flat colour: the region crosses the blue disk and the white bubble.
    const colours = new Set<number>();
    for (let i = 0; i < decoded.data.length; i += 4) colours.add((decoded.data[i]! << 16) | (decoded.data[i + 1]! << 8) | decoded.data[i + 2]!);
    expect(colours.size).toBeGreaterThan(2);
  });

  it('selections are normalised (drag right-to-left), rounded outward and clamped to the display; empty ones refused', () => {
    const bitmap = { width: 300, height: 200 };
    expect(devicePixelRect({ x: 100, y: 50, width: -40, height: -20 }, 1, bitmap)).toEqual({ x: 60, y: 30, width: 40, height: 20 });
    expect(devicePixelRect({ x: 10.3, y: 10.6, width: 5, height: 5 }, 1.5, bitmap)).toEqual({ x: 15, y: 15, width: 8, height: 9 });
    expect(devicePixelRect({ x: 250, y: 150, width: 500, height: 500 }, 1, bitmap)).toEqual({ x: 250, y: 150, width: 50, height: 50 });
    expect(devicePixelRect({ x: -20, y: -20, width: 30, height: 30 }, 1, bitmap)).toEqual({ x: 0, y: 0, width: 10, height: 10 });
    expect(devicePixelRect({ x: 400, y: 10, width: 30, height: 30 }, 1, bitmap)).toBeNull();
    const { screen } = screenFromIcon();
    expect(encodeScreenshot(screen, { x: 5, y: 5, width: 0, height: 10 }, 1)).toEqual({ ok: false, reason: 'empty-selection' });
  });

  it('an RGBA bitmap is kept as is', () => {
    const data = new Uint8Array([10, 20, 30, 255, 40, 50, 60, 255, 70, 80, 90, 255, 100, 110, 120, 255]);
    const result = encodeScreenshot({ width: 2, height: 2, data, order: 'rgba' }, { x: 1, y: 0, width: 1, height: 2 }, 1);
    expect(result.ok && Array.from(decodePng(result.png).data)).toEqual([40, 50, 60, 255, 100, 110, 120, 255]);
  });

  it('the screenshot goes into the conversation as an image message the server accepts', async () => {
    const stack = await startStack();
    cleanups.push(() => stack.close());
    const desk = openDesk(stack.deskDir, stack.proxy.url);
    cleanups.push(() => desk.workstation.close());
    await loginOnline(desk);
    const visitor = await startVisitor(() => stack.server.url, '访客截屏');
    const { screen } = screenFromIcon();
    const shot = encodeScreenshot(screen, { x: 0, y: 0, width: 128, height: 128 }, 2);
    if (!shot.ok) throw new Error(shot.reason);
    const at = new Date(2026, 10, 25, 9, 5, 7);
    expect(screenshotFileName(at)).toBe('截屏-20261125-090507.png');
    const sent = await desk.invoke('conversations:send-message', screenshotMessage(visitor.conversation.id, shot.png, at));
    expect(sent.ok).toBe(true);
    const stored = await waitFor('image stored', async () => (await visitor.messages()).find((m) => m.kind === 'image'));
    expect(stored.attachment).toMatchObject({ mime: 'image/png', isImage: true, name: '截屏-20261125-090507.png', size: shot.png.length });
  }, 30_000);
});
