/**
 * Registers an ipcMain handler for every invoke channel of the contract, all through the one
 * shared dispatcher, after checking the call comes from our own page; forwards every workstation
 * event to the window.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { fail } from '../../shared/errors.js';
import { invokeChannels } from '../../shared/ipc/contract.js';
import { createDispatcher } from '../services/ipc/dispatcher.js';
import type { Workstation } from '../services/workstation.js';

export function registerIpc(workstation: Workstation, isOwnPage: (url: string) => boolean): () => void {
  const dispatch = createDispatcher(workstation);
  const channels = Object.keys(invokeChannels);
  for (const channel of channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, request: unknown) => {
      const url = event.senderFrame?.url ?? '';
      if (!isOwnPage(url)) return fail('FORBIDDEN', 'calls are accepted from the workstation page only');
      return dispatch(channel, request);
    });
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

export function forwardEvents(workstation: Workstation, window: BrowserWindow): () => void {
  return workstation.onAny((channel, payload) => {
    if (!window.isDestroyed()) window.webContents.send(channel, payload);
  });
}
