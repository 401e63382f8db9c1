/**
 * 公司设置 in the workstation: the company's settings and default auto-reply, read from the server
 * when the connection comes (back) online — login and reconnect — and whenever the server's
 * `settings.changed` hint was applied (an admin saved in the console). Each read is published to
 * the page (`company-settings:changed`), so the 小结 dialog, the file size check … follow the
 * company at once. Kept in memory only: it is the server's to decide, never worked on offline.
 */
import { ok } from '../../../shared/errors.js';
import type { CompanySettings } from '../../../shared/ipc/company-settings.js';
import type { RestClient } from '../api/rest-client.js';
import { createServerMirror, type ServerMirror, type ServerMirrorDeps } from '../base/server-mirror.js';
import type { WorkstationEvents } from '../workstation-events.js';
import type { Remote } from '../workstation-core.js';

export interface CompanySettingsServiceDeps extends Pick<ServerMirrorDeps<CompanySettings>, 'gate' | 'internal' | 'agentId' | 'log'> {
  rest: Pick<RestClient, 'call'>;
  remote: Remote;
  events: Pick<WorkstationEvents, 'emit'>;
}

export type CompanySettingsService = ServerMirror<CompanySettings>;

export function createCompanySettingsService({ rest, remote, events, ...deps }: CompanySettingsServiceDeps): CompanySettingsService {
  return createServerMirror({
    ...deps,
    what: 'company settings',
    outdatedOn: 'settings:outdated',
    async fetch() {
      const [settings, autoReply] = await Promise.all([rest.call('getSettings'), rest.call('getAutoReply')]);
      const settingsResult = remote(settings);
      if (!settingsResult.ok) return settingsResult;
      const autoReplyResult = remote(autoReply);
      if (!autoReplyResult.ok) return autoReplyResult;
      return ok({ settings: settingsResult.value, autoReply: autoReplyResult.value.company });
    },
    publish: (value) => events.emit('company-settings:changed', value),
  });
}
