/**
 * 公司设置 in the workstation: the company's settings and default auto-reply, read from the server
 * when the connection comes (back) online — login and reconnect — and whenever the server's
 * `settings.changed` hint was applied (an admin saved in the console). Each read is published to
 * the page (`company-settings:changed`), so the 小结 dialog, the file size check … follow the
 * company at once. Kept in memory only: it is the server's to decide, never worked on offline.
 */
import { fail, ok, type Result } from '../../../shared/errors.js';
import type { CompanySettings } from '../../../shared/ipc/company-settings.js';
import type { RestClient } from '../api/rest-client.js';
import type { ClosingGate } from '../base/closing-gate.js';
import { coalescedSync } from '../base/coalesced-sync.js';
import type { InternalBus } from '../base/internal-bus.js';
import { DisposableStore, type Disposable } from '../base/lifecycle.js';
import type { Reply } from '../ipc/invoke-types.js';
import type { Log } from '../logger.js';
import type { WorkstationEvents } from '../workstation-events.js';
import type { Remote } from '../workstation-core.js';

export interface CompanySettingsServiceDeps {
  rest: Pick<RestClient, 'call'>;
  remote: Remote;
  events: Pick<WorkstationEvents, 'emit'>;
  internal: InternalBus;
  gate: ClosingGate;
  agentId(): string | null;
  log: Log;
}

export interface CompanySettingsService extends Disposable {
  get(): Reply<'company-settings:get'>;
}

export function createCompanySettingsService(deps: CompanySettingsServiceDeps): CompanySettingsService {
  const { rest, remote, events, gate } = deps;
  const store = new DisposableStore();
  /** The last read, with the agent it was read for (another login reads again). */
  let held: { agentId: string; value: CompanySettings } | null = null;

  const read = (): Promise<Result<CompanySettings>> =>
    gate.run(async () => {
      const agentId = deps.agentId();
      if (!agentId) return fail('UNAUTHENTICATED', 'log in first');
      const [settings, autoReply] = await Promise.all([rest.call('getSettings'), rest.call('getAutoReply')]);
      const settingsResult = remote(settings);
      if (!settingsResult.ok) return settingsResult;
      const autoReplyResult = remote(autoReply);
      if (!autoReplyResult.ok) return autoReplyResult;
      // The agent may have logged out while the requests were out.
      if (deps.agentId() !== agentId) return fail('UNAUTHENTICATED', 'log in first');
      const value: CompanySettings = { settings: settingsResult.value, autoReply: autoReplyResult.value.company };
      held = { agentId, value };
      events.emit('company-settings:changed', value);
      return ok(value);
    });

  const logFailure = (error: unknown) => deps.log('company settings read failed', error instanceof Error ? error.message : String(error));
  const readLogged = async () => {
    const result = await read();
    if (!result.ok) logFailure(new Error(result.error.message));
  };
  // However many hints a replay brings: one read in flight plus one queued.
  const outdated = coalescedSync(gate, readLogged, () => store.isDisposed, logFailure);
  store.add(deps.internal.on('connection:online', outdated));
  store.add(deps.internal.on('settings:outdated', outdated));

  return {
    async get() {
      const agentId = deps.agentId();
      if (held && held.agentId === agentId) return ok(held.value);
      return read();
    },
    dispose: () => store.dispose(),
  };
}
