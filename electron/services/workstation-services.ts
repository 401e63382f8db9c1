/**
 * One service per feature, each built with only the ports it uses (not the whole core). Services
 * that start anything (subscriptions, timers) own it in their own store; `dispose` undoes them
 * all, once.
 */
import { saveSettings } from './cache/settings-repo.js';
import { createAlertService, type AlertService } from './alerts/alert-service.js';
import { DisposableStore, type Disposable } from './base/lifecycle.js';
import { createConversationService, type ConversationService } from './conversations/conversation-service.js';
import { createCustomerService, type CustomerService } from './customers/customer-service.js';
import { createTagCategoryService, type TagCategoryService } from './customers/tag-category-service.js';
import { createAvatarService, type AvatarService } from './avatars/avatar-service.js';
import { createDesktopService, type DesktopHost, type DesktopService } from './desktop/desktop-handlers.js';
import { createKnowledgeService, type KnowledgeService } from './knowledge/knowledge-service.js';
import { createNoticeService, type NoticeService } from './notices/notice-service.js';
import { createBlacklistService, type BlacklistService } from './blacklist/blacklist-service.js';
import { createCompanySettingsService, type CompanySettingsService } from './company-settings/company-settings-service.js';
import { createFilePhraseService, type FilePhraseService } from './phrases/file-phrase-service.js';
import { createPhraseService, type PhraseService } from './phrases/phrase-service.js';
import { createRecordService, type RecordService } from './records/record-service.js';
import { createServerAddressService, type ServerAddressService } from './server-address/server-address-service.js';
import { createSessionService, type SessionService } from './session/session-service.js';
import { createSiteVisitorService, type SiteVisitorService } from './site-visitors/site-visitor-service.js';
import { createPhoneService, type PhoneService } from './softphone/phone-service.js';
import { reportPhoneStatus } from './softphone/phone-status-report.js';
import type { WorkstationCore } from './workstation-core.js';

export interface WorkstationServices extends Disposable {
  session: SessionService;
  conversations: ConversationService;
  phrases: PhraseService;
  filePhrases: FilePhraseService;
  knowledge: KnowledgeService;
  phone: PhoneService;
  customers: CustomerService;
  records: RecordService;
  alerts: AlertService;
  serverAddress: ServerAddressService;
  desktop: DesktopService;
  notices: NoticeService;
  blacklist: BlacklistService;
  companySettings: CompanySettingsService;
  siteVisitors: SiteVisitorService;
  tagCategories: TagCategoryService;
  avatars: AvatarService;
}

export function createWorkstationServices(core: WorkstationCore, desktopHost: DesktopHost | undefined): WorkstationServices {
  const { db, rest, remote, events, internal, gate, session, log } = core;
  const store = new DisposableStore();
  const agent = () => session.current()?.agent ?? null;
  const agentId = () => agent()?.id ?? null;
  const serverUrl = () => core.settings().serverUrl;
  // 实时监控's calls in progress: the phone status goes to the server as it changes and on every connect.
  store.add(reportPhoneStatus({ events, internal, realtime: core.realtime, state: () => core.softphone.state() }));

  return {
    session: createSessionService({ session, saveSettings: (patch) => saveSettings(db, patch), rest, remote, events, agentChanged: core.agentChanged }),
    conversations: createConversationService({
      db,
      rest,
      remote,
      events,
      agent,
      realtime: core.realtime,
      outbox: core.outbox,
      backfillMessages: core.backfillMessages,
      connectionState: core.connectionState,
    }),
    phrases: store.add(createPhraseService({ db, rest, remote, events, internal, gate, agentId, log })),
    filePhrases: store.add(
      createFilePhraseService({
        db,
        rest,
        remote,
        events,
        internal,
        gate,
        outbox: core.outbox,
        signedIn: () => session.current(),
        serverUrl,
        log,
      }),
    ),
    knowledge: createKnowledgeService({ db, rest, remote, gate, loggedIn: () => session.current() !== null, serverUrl, clock: core.clock }),
    phone: createPhoneService({
      softphone: core.softphone,
      db,
      rest,
      remote,
      agent: () => {
        const current = agent();
        return current ? { id: current.id, name: current.nickname } : null;
      },
    }),
    customers: createCustomerService({ rest, remote }),
    records: createRecordService({ rest, remote }),
    alerts: store.add(createAlertService({ db, events })),
    serverAddress: createServerAddressService({
      address: core.address,
      db,
      events,
      session,
      forgetServerCredentials: core.forgetServerCredentials,
      connectionState: core.connectionState,
      log,
    }),
    desktop: createDesktopService(desktopHost),
    notices: store.add(createNoticeService({ db, rest, remote, events, internal, gate, agentId, log })),
    blacklist: createBlacklistService({ rest, remote, agent }),
    companySettings: store.add(createCompanySettingsService({ rest, remote, events, internal, gate, agentId, log })),
    siteVisitors: store.add(createSiteVisitorService({ rest, remote, events, internal, realtime: core.realtime, agentId, log })),
    tagCategories: store.add(createTagCategoryService({ rest, remote, events, internal, gate, agentId, log })),
    avatars: createAvatarService({ rest, remote, agentChanged: core.agentChanged }),
    dispose: () => store.dispose(),
  };
}
