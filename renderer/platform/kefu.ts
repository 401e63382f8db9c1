/**
 * The renderer's one door to the workstation services: `window.kefu` from the Electron preload
 * when present, otherwise the same API over the browser shell's WebSocket. Only DOM APIs here.
 */
import type { KefuApi } from '../../shared/ipc/contract.js';
import { createShellKefu, shellSocketUrl } from './shell-transport.js';
import { takeShellToken } from './shell-token.js';
import { transportChanged } from './transport-status.js';

declare global {
  interface Window {
    kefu?: KefuApi;
  }
}

let shellKefu: KefuApi | null = null;

export function getKefu(): KefuApi {
  if (window.kefu) return window.kefu;
  if (!shellKefu) {
    const token = takeShellToken();
    if (!token) throw new Error('no window.kefu and no shell token in the URL: open the URL the browser shell printed');
    shellKefu = createShellKefu({ url: shellSocketUrl(window.location, token), onChange: transportChanged });
    // The same window.kefu as under Electron (docs/ARCHITECTURE.md, two shells): one API whichever shell.
    window.kefu = shellKefu;
  }
  return shellKefu;
}
