/**
 * One handler per invoke channel of the contract, composed of each feature's map from channel to
 * service method. The dispatcher has already validated the request with the channel's schema;
 * handlers answer a Result and never throw on purpose. Nothing here decides anything.
 */
import type { InvokeChannel } from '../../shared/ipc/contract.js';
import { createAlertHandlers } from './alerts/alert-handlers.js';
import { createChatHandlers } from './conversations/conversation-handlers.js';
import { createPasswordHandlers } from './session/password-handlers.js';
import { createCustomerHandlers } from './customers/customer-handlers.js';
import { createDesktopHandlers } from './desktop/desktop-handlers.js';
import type { Reply, Request } from './ipc/invoke-types.js';
import { createKnowledgeHandlers } from './knowledge/handlers.js';
import { createLogExportHandlers } from './logging/log-export-handlers.js';
import { createNoticeHandlers } from './notices/notice-handlers.js';
import { createBlacklistHandlers } from './blacklist/blacklist-handlers.js';
import { createCompanySettingsHandlers } from './company-settings/company-settings-handlers.js';
import { createAvatarHandlers } from './avatars/avatar-handlers.js';
import { createFilePhraseHandlers } from './phrases/file-phrase-handlers.js';
import { createPhraseHandlers } from './phrases/phrase-handlers.js';
import { createRecordHandlers } from './records/record-handlers.js';
import { createServerAddressHandlers } from './server-address/server-address-handlers.js';
import { createPhoneHandlers } from './softphone/phone-handlers.js';
import { createSiteVisitorHandlers } from './site-visitors/site-visitor-handlers.js';
import { createUpdateHandlers } from './updates/update-handlers.js';
import type { WorkstationServices } from './workstation-services.js';

export type InvokeHandlers = {
  [C in InvokeChannel]: (request: Request<C>) => Reply<C>;
};

export function createHandlers(services: WorkstationServices): InvokeHandlers {
  return {
    ...createChatHandlers(services.session, services.conversations),
    ...createPasswordHandlers(services.session),
    ...createDesktopHandlers(services.desktop),
    ...createPhraseHandlers(services.phrases),
    ...createFilePhraseHandlers(services.filePhrases),
    ...createKnowledgeHandlers(services.knowledge),
    ...createRecordHandlers(services.records),
    ...createCustomerHandlers(services.customers, services.tagCategories),
    ...createAlertHandlers(services.alerts),
    ...createServerAddressHandlers(services.serverAddress),
    ...createPhoneHandlers(services.phone, services.customers),
    ...createUpdateHandlers(),
    ...createLogExportHandlers(),
    ...createNoticeHandlers(services.notices),
    ...createBlacklistHandlers(services.blacklist),
    ...createCompanySettingsHandlers(services.companySettings),
    ...createSiteVisitorHandlers(services.siteVisitors),
    ...createAvatarHandlers(services.avatars),
  };
}
