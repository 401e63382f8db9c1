/**
 * ipcMain: `handle` keeps one handler per channel and, like Electron, throws on a second one;
 * `on` listeners are plain events, recorded by channel (electron-store registers one when the
 * main opens a store). The test calls the handlers the main registered with an event that names
 * the sending page, the way a renderer's invoke arrives.
 */
import { EventEmitter } from 'node:events';
import { record } from './recorder.js';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

class StandInIpcMain extends EventEmitter {
  readonly handlers = new Map<string, Handler>();

  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    record('ipcMain.handle', [channel]);
    this.handlers.set(channel, handler);
  }

  override on(channel: string | symbol, listener: (...args: unknown[]) => void): this {
    record('ipcMain.on', [String(channel)]);
    return super.on(channel, listener);
  }

  removeHandler(channel: string): void {
    record('ipcMain.removeHandler', [channel]);
    this.handlers.delete(channel);
  }
}

export const ipcMain = new StandInIpcMain();
