/** The 黑名单 channels of the contract (shared/ipc/blacklist.ts), each to its BlacklistService method. */
import type { blacklistInvokeChannels } from '../../../shared/ipc/blacklist.js';
import type { InvokeHandlers } from '../workstation-handlers.js';
import type { BlacklistService } from './blacklist-service.js';

export function createBlacklistHandlers(blacklist: BlacklistService): Pick<InvokeHandlers, keyof typeof blacklistInvokeChannels> {
  return {
    'blacklist:can-add': () => blacklist.canAdd(),
    'blacklist:add-visitor': (request) => blacklist.addVisitor(request),
  };
}
