/**
 * IPC handlers of 提醒设置 (shared/ipc/alerts.ts). The dispatcher has validated the payload
 * against AlertSettingsSchema already, so a bad one never reaches here. Every listener — the
 * renderer's alert effects and the desktop tray — follows `alert-settings:changed`, which is also
 * sent on each login so the tray starts from the stored settings, not the defaults.
 */
import { ok } from '../../../shared/errors.js';
import type { alertInvokeChannels } from '../../../shared/ipc/alerts.js';
import type { InvokeHandlers } from '../workstation-handlers.js';
import type { WorkstationCore } from '../workstation-core.js';
import { getAlertSettings, saveAlertSettings } from './alert-settings-repo.js';

export function createAlertHandlers(core: Pick<WorkstationCore, 'db' | 'events'>): Pick<InvokeHandlers, keyof typeof alertInvokeChannels> {
  const { db, events } = core;
  let agentId: string | null = null;
  events.on('session:changed', (snapshot) => {
    const next = snapshot.agent?.id ?? null;
    if (next && next !== agentId) events.emit('alert-settings:changed', getAlertSettings(db));
    agentId = next;
  });

  return {
    'alert-settings:get': async () => ok(getAlertSettings(db)),
    'alert-settings:set': async (settings) => {
      saveAlertSettings(db, settings);
      events.emit('alert-settings:changed', settings);
      return ok(settings);
    },
  };
}
