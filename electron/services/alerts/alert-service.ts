/**
 * 提醒设置. Every listener — the renderer's alert effects and the desktop tray — follows
 * `alert-settings:changed`, which is also sent on each login so the tray starts from the stored
 * settings, not the defaults. Owns that login subscription.
 */
import { ok } from '../../../shared/errors.js';
import type { AlertSettings } from '../../../shared/ipc/alerts.js';
import { DisposableStore, toDisposable, type Disposable } from '../base/lifecycle.js';
import type { Db } from '../cache/database.js';
import type { Reply } from '../ipc/invoke-types.js';
import type { WorkstationEvents } from '../workstation-events.js';
import { getAlertSettings, saveAlertSettings } from './alert-settings-repo.js';

export interface AlertService extends Disposable {
  settings(): Reply<'alert-settings:get'>;
  setSettings(settings: AlertSettings): Reply<'alert-settings:set'>;
}

export function createAlertService({ db, events }: { db: Db; events: Pick<WorkstationEvents, 'emit' | 'on'> }): AlertService {
  const store = new DisposableStore();
  let agentId: string | null = null;
  store.add(
    toDisposable(
      events.on('session:changed', (snapshot) => {
        const next = snapshot.agent?.id ?? null;
        if (next && next !== agentId) events.emit('alert-settings:changed', getAlertSettings(db));
        agentId = next;
      }),
    ),
  );
  return {
    settings: async () => ok(getAlertSettings(db)),
    async setSettings(settings) {
      saveAlertSettings(db, settings);
      events.emit('alert-settings:changed', settings);
      return ok(settings);
    },
    dispose: () => store.dispose(),
  };
}
