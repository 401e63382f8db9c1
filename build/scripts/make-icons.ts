/**
 * Generates the tray icons (resources/tray/) and the app icons (build/icon.png, build/icon.ico)
 * with the project's tiny PNG encoder, so no image tool or native module is needed. The output is
 * committed; run again after changing a colour: `npx tsx build/scripts/make-icons.ts`.
 *
 * Tray icon: a status disk (在线 green, 忙碌 red, 离开 amber, 离线 grey) with a ring that contrasts
 * with the panel (dark ring on light panels, light ring on dark ones), a blue handset dot at the
 * bottom left when the phone is registered, and a red badge at the top right for unread/queued.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodePng } from '../../electron/services/desktop/png.js';
import { allTrayIconNames, trayIconFile, TRAY_SIZES, type TrayStatus, type TrayTheme } from '../../electron/services/desktop/tray-model.js';

type Rgba = [number, number, number, number];
const STATUS_COLOURS: Record<TrayStatus, Rgba> = {
  online: [34, 170, 84, 255],
  busy: [220, 53, 53, 255],
  away: [240, 160, 20, 255],
  offline: [150, 150, 150, 255],
};
const RING: Record<TrayTheme, Rgba> = { light: [40, 40, 40, 255], dark: [245, 245, 245, 255] };
const PHONE: Rgba = [30, 110, 230, 255];
const BADGE: Rgba = [235, 30, 30, 255];
const WHITE: Rgba = [255, 255, 255, 255];

interface Circle {
  cx: number;
  cy: number;
  r: number;
  colour: Rgba;
}

/** Paints circles in order (later on top) with 4×4 supersampling for smooth edges at 16 px. */
function paint(size: number, circles: Circle[]): Uint8Array {
  const data = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const px = x + (sx + 0.5) / samples;
          const py = y + (sy + 0.5) / samples;
          let hit: Rgba | null = null;
          for (const c of circles) if ((px - c.cx) ** 2 + (py - c.cy) ** 2 <= c.r ** 2) hit = c.colour;
          if (hit) {
            r += hit[0];
            g += hit[1];
            b += hit[2];
            a += hit[3];
          }
        }
      }
      const n = samples * samples;
      const covered = a / 255;
      const offset = (y * size + x) * 4;
      // Straight (not premultiplied) alpha: colour is the average of the covered samples.
      data[offset] = covered ? Math.round(r / covered) : 0;
      data[offset + 1] = covered ? Math.round(g / covered) : 0;
      data[offset + 2] = covered ? Math.round(b / covered) : 0;
      data[offset + 3] = Math.round(a / n);
    }
  }
  return data;
}

function trayIcon(name: string, theme: TrayTheme, size: number): Buffer {
  const [status, ...flags] = name.split('-') as [TrayStatus, ...string[]];
  const s = size / 16;
  const circles: Circle[] = [
    { cx: 8 * s, cy: 8 * s, r: 7 * s, colour: RING[theme] },
    { cx: 8 * s, cy: 8 * s, r: 5.6 * s, colour: STATUS_COLOURS[status] },
  ];
  if (flags.includes('phone')) circles.push({ cx: 4 * s, cy: 12 * s, r: 3.6 * s, colour: RING[theme] }, { cx: 4 * s, cy: 12 * s, r: 2.6 * s, colour: PHONE });
  if (flags.includes('unread')) circles.push({ cx: 12.3 * s, cy: 3.7 * s, r: 3.7 * s, colour: WHITE }, { cx: 12.3 * s, cy: 3.7 * s, r: 2.8 * s, colour: BADGE });
  return encodePng({ width: size, height: size, data: paint(size, circles) });
}

function appIcon(size: number): Buffer {
  const s = size / 512;
  // A blue disk with a white speech bubble (客服): body + tail + three dots.
  const circles: Circle[] = [
    { cx: 256 * s, cy: 256 * s, r: 240 * s, colour: [22, 119, 255, 255] },
    { cx: 256 * s, cy: 240 * s, r: 150 * s, colour: WHITE },
    { cx: 170 * s, cy: 350 * s, r: 45 * s, colour: WHITE },
    { cx: 196 * s, cy: 240 * s, r: 22 * s, colour: [22, 119, 255, 255] },
    { cx: 256 * s, cy: 240 * s, r: 22 * s, colour: [22, 119, 255, 255] },
    { cx: 316 * s, cy: 240 * s, r: 22 * s, colour: [22, 119, 255, 255] },
  ];
  return encodePng({ width: size, height: size, data: paint(size, circles) });
}

/** ICO with PNG-compressed entries (supported since Windows Vista; what NSIS and Windows use). */
function ico(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header[entry] = size >= 256 ? 0 : size;
    header[entry + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const trayDir = join(root, 'resources/tray');
mkdirSync(trayDir, { recursive: true });
let count = 0;
for (const name of allTrayIconNames())
  for (const theme of ['light', 'dark'] as const)
    for (const size of TRAY_SIZES) {
      writeFileSync(join(trayDir, trayIconFile(name, theme, size)), trayIcon(name, theme, size));
      count++;
    }
writeFileSync(join(root, 'build/icon.png'), appIcon(512));
writeFileSync(join(root, 'build/icon.ico'), ico([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: appIcon(size) }))));
// The window icon on Linux (taskbar entry) ships with the app itself.
writeFileSync(join(root, 'resources/icon.png'), appIcon(256));
console.log(`wrote ${count} tray icons, build/icon.png, build/icon.ico, resources/icon.png`);
