/**
 * Handlers for the update section of the contract. Only the Electron shell can update itself: it
 * binds its UpdateController over these defaults; the browser shell keeps them, which say so.
 */
import { fail, ok } from '../../../shared/errors.js';
import type { UpdateState } from '../../../shared/ipc/updates.js';
import type { InvokeHandlers } from '../workstation-handlers.js';
import type { UpdateController } from './update-controller.js';

type UpdateHandlers = Pick<InvokeHandlers, 'update:get-state' | 'update:check-now' | 'update:restart-now'>;

const NO_UPDATES = '浏览器版不能自动更新；桌面客户端会从服务器自动更新。';

export const UNAVAILABLE_UPDATE_STATE: UpdateState = {
  available: false,
  phase: 'idle',
  currentVersion: '',
  version: null,
  percent: null,
  blockedBy: null,
  error: null,
  checkedAt: null,
};

export function createUpdateHandlers(): UpdateHandlers {
  return {
    'update:get-state': async () => ok(UNAVAILABLE_UPDATE_STATE),
    'update:check-now': async () => fail('INVALID_STATE', NO_UPDATES),
    'update:restart-now': async () => fail('INVALID_STATE', NO_UPDATES),
  };
}

/** The Electron shell replaces the defaults (the dispatcher looks handlers up per call). */
export function bindUpdateController(handlers: InvokeHandlers, controller: UpdateController): void {
  const bound: UpdateHandlers = {
    'update:get-state': async () => ok(controller.state()),
    'update:check-now': async () => ok(await controller.checkNow()),
    'update:restart-now': () => controller.restartNow(),
  };
  Object.assign(handlers, bound);
}
