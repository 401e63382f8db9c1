/**
 * Builds window.kefu from the contract: exactly the listed channels, nothing else (never raw
 * ipcRenderer, never process.env). Sandboxed preloads cannot require npm modules, so this file
 * is bundled (with shared/) by the build.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { Result } from '../../shared/errors.js';
import { isEventChannel, isInvokeChannel, type KefuApi } from '../../shared/ipc/contract.js';

const refused = (message: string): Result<never> => ({ ok: false, error: { code: 'VALIDATION_FAILED', message } });

const kefu: KefuApi = {
  invoke: ((channel: string, request: unknown) =>
    isInvokeChannel(channel) ? ipcRenderer.invoke(channel, request) : Promise.resolve(refused(`unknown channel: ${channel}`))) as KefuApi['invoke'],
  on: ((channel: string, listener: (payload: unknown) => void) => {
    if (!isEventChannel(channel)) return () => undefined;
    const wrapped = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => void ipcRenderer.removeListener(channel, wrapped);
  }) as KefuApi['on'],
};

contextBridge.exposeInMainWorld('kefu', kefu);
