/**
 * Tray, Menu, nativeImage and nativeTheme. Like Electron, nativeImage.createFromPath of a file
 * that is not there gives an empty image without complaint: the record says whether the file
 * existed, so a tray icon missing from the package shows up in the test.
 */
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { record, REF } from './recorder.js';

type MenuItem = { label?: string; type?: string; checked?: boolean; enabled?: boolean; click?: (...args: unknown[]) => void };

export class StandInImage {
  constructor(
    readonly path: string | null,
    private readonly size = { width: 0, height: 0 },
    private readonly bitmap = Buffer.alloc(0),
  ) {}

  isEmpty(): boolean {
    return this.path !== null ? !existsSync(this.path) : this.size.width === 0;
  }

  getSize(): { width: number; height: number } {
    return this.size;
  }

  toBitmap(): Buffer {
    return this.bitmap;
  }

  toDataURL(): string {
    return `data:image/png;base64,${this.bitmap.subarray(0, 16).toString('base64')}`;
  }

  toJSON(): unknown {
    return { image: this.path, exists: !this.isEmpty() };
  }
}

export const nativeImage = {
  createFromPath(path: string): StandInImage {
    record('nativeImage.createFromPath', [path, { exists: existsSync(path) }]);
    return new StandInImage(path);
  },
  createEmpty: (): StandInImage => new StandInImage(null),
  /** A solid BGRA picture, as desktopCapturer thumbnails are. */
  solid(width: number, height: number): StandInImage {
    return new StandInImage(null, { width, height }, Buffer.alloc(width * height * 4, 0x7f));
  },
};

export class StandInMenu {
  constructor(readonly items: MenuItem[]) {}

  static buildFromTemplate(template: MenuItem[]): StandInMenu {
    return new StandInMenu(template);
  }
}

const imageRecord = (image: unknown) => (image instanceof StandInImage ? image.toJSON() : image);

let nextTray = 1;
export const trays: StandInTray[] = [];

export class StandInTray extends EventEmitter {
  readonly [REF] = `tray:${nextTray++}`;
  menu: StandInMenu | null = null;
  tooltip = '';
  destroyed = false;

  constructor(image: unknown) {
    super();
    trays.push(this);
    record('Tray.new', [imageRecord(image)], this[REF]);
  }

  private alive(method: string): void {
    if (this.destroyed) throw new TypeError(`Object has been destroyed (Tray.${method})`);
  }

  setImage(image: unknown): void {
    this.alive('setImage');
    record('Tray.setImage', [imageRecord(image)], this[REF]);
  }

  setToolTip(text: string): void {
    this.alive('setToolTip');
    this.tooltip = text;
    record('Tray.setToolTip', [text], this[REF]);
  }

  setContextMenu(menu: StandInMenu): void {
    this.alive('setContextMenu');
    this.menu = menu;
    record('Tray.setContextMenu', [menu.items.map(({ label, type, checked, enabled }) => ({ label, type, checked, enabled }))], this[REF]);
  }

  destroy(): void {
    record('Tray.destroy', [], this[REF]);
    this.destroyed = true;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

class StandInNativeTheme extends EventEmitter {
  shouldUseDarkColors = false;
}

export const nativeTheme = new StandInNativeTheme();
