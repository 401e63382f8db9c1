import { useEffect, useRef, useState } from 'react';
import { LazyRegion, lazyPart } from './LazyRegion.js';
import { Badge, Button, Segmented, Tooltip } from 'antd';
import { ControlOutlined, LogoutOutlined, SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Agent } from '../../shared/domain.js';
import { loadWorkstation } from './subscribeEvents.js';
import { useAfterFirstPaint } from './useAfterFirstPaint.js';
import { kefu } from './kefu.js';
import { startPhoneMedia } from '../phone/media/index.js';
import { useSessionStore } from '../login/sessionStore.js';
import { StatusSwitcher } from '../status/StatusSwitcher.js';
import { AgentAvatar } from '../status/AgentAvatar.js';
import { ConnectionBanner } from '../connection/ConnectionBanner.js';
import { VisitorList } from '../visitors/VisitorList.js';
import { useConversationsStore } from '../visitors/conversationsStore.js';
import { totalUnread } from '../visitors/conversationLogic.js';
import { useOfflineStore } from '../offline/offlineStore.js';
import { DesktopEffects, useDesktopStore } from '../desktop/index.js';
import { NoticeEffects } from '../notices/NoticeEffects.js';
import { NoticesButton } from '../notices/NoticesButton.js';
import { InvitationEffects } from '../site-visitors/InvitationEffects.js';
import { useMissedCallCount } from '../phone/useMissedCallCount.js';
import { usePhoneView } from '../phone/phoneViewStore.js';

// What the first frame after a (re)start does not show loads as chunks of its own, after it: the
// page's own script is then smaller, and the visitor list and the dialog come first.
const HelperPanel = lazyPart(() => import('../helper-panel/HelperPanel.js').then((m) => ({ default: m.HelperPanel })));
const OfflinePanel = lazyPart(() => import('../offline/OfflinePanel.js').then((m) => ({ default: m.OfflinePanel })));
const RecordsView = lazyPart(() => import('../records/RecordsView.js').then((m) => ({ default: m.RecordsView })));
const PhoneView = lazyPart(() => import('../phone/PhoneView.js').then((m) => ({ default: m.PhoneView })));
const SiteVisitorsView = lazyPart(() => import('../site-visitors/SiteVisitorsView.js').then((m) => ({ default: m.SiteVisitorsView })));
const SettingsModal = lazyPart(() => import('../settings/SettingsModal.js').then((m) => ({ default: m.SettingsModal })));
// The dialog with its tools (transfer, blacklist, message style, images) and the modals hidden
// until needed: a restart shows the header and the visitor list without waiting for their code.
const DialogPanel = lazyPart(() => import('../dialog/DialogPanel.js').then((m) => ({ default: m.DialogPanel })));
const SummaryModal = lazyPart(() => import('../dialog/SummaryModal.js').then((m) => ({ default: m.SummaryModal })));
const HeaderPhone = lazyPart(() => import('../phone/HeaderPhone.js').then((m) => ({ default: m.HeaderPhone })));
const PhoneEffects = lazyPart(() => import('../phone/PhoneEffects.js').then((m) => ({ default: m.PhoneEffects })));

type View = 'chats' | 'offline' | 'phone' | 'records' | 'site-visitors';

function NavLabel({ text, count }: { text: string; count: number }) {
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6, padding: '0 4px' }}>
      {text}
      <Badge count={count} size="small" overflowCount={99} />
    </span>
  );
}

/**
 * The 工作台 tab with the unread sum. It subscribes itself, so a new message redraws this label
 * and not the whole workstation around it.
 */
function UnreadNavLabel({ text }: { text: string }) {
  const unread = useConversationsStore((s) => totalUnread(s.conversations));
  return <NavLabel text={text} count={unread} />;
}

/** The logged-in layout: header, connection banner, visitor list | dialog | history, or 留言. */
export function Workstation({ agent }: { agent: Agent }) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('chats');
  const [settingsOpen, setSettingsOpen] = useState(false);
  // 设置 mounts when first opened (a closed modal still costs its styles in the first frame) and
  // stays mounted, so it closes with its animation and keeps its state.
  const [settingsUsed, setSettingsUsed] = useState(false);
  if (settingsOpen && !settingsUsed) setSettingsUsed(true);
  const logout = useSessionStore((s) => s.logout);
  const serverUrl = useSessionStore((s) => s.snapshot?.settings.serverUrl);
  const unreplied = useOfflineStore((s) => s.messages.filter((m) => m.status === 'unreplied').length);
  const missedCalls = useMissedCallCount();
  const secondary = useAfterFirstPaint();

  useEffect(() => {
    void loadWorkstation();
  }, [agent.id]);

  // A call notification or the header's current call asks for the 电话 view.
  const phoneViewRequested = usePhoneView((s) => s.requested);
  useEffect(() => {
    if (phoneViewRequested > 0) setView('phone');
  }, [phoneViewRequested]);

  // The tray's 设置 item (desktop:open-settings) opens the same modal as the header button.
  const settingsRequested = useDesktopStore((s) => s.settingsRequests);
  const seenSettingsRequest = useRef(settingsRequested);
  useEffect(() => {
    if (settingsRequested === seenSettingsRequest.current) return;
    seenSettingsRequest.current = settingsRequested;
    setSettingsOpen(true);
  }, [settingsRequested]);

  // The softphone's media side (WebRTC lives only here); the services drive it over the contract.
  useEffect(() => startPhoneMedia(kefu()), [agent.id]);

  return (
    <div className="kefu-shell">
      <header className="kefu-header">
        <h1>{t('app.title')}</h1>
        <nav aria-label={t('app.mainNav')}>
          <Segmented<View>
            value={view}
            onChange={setView}
            options={[
              { value: 'chats', label: <UnreadNavLabel text={t('app.workbench')} /> },
              { value: 'offline', label: <NavLabel text={t('app.offlineMessages')} count={unreplied} /> },
              { value: 'phone', label: <NavLabel text={t('phone.nav')} count={missedCalls} /> },
              { value: 'records', label: <NavLabel text={t('records.nav')} count={0} /> },
              { value: 'site-visitors', label: <NavLabel text={t('siteVisitors.nav')} count={0} /> },
            ]}
          />
        </nav>
        <span className="kefu-spacer" />
        {secondary && (
          <LazyRegion>
            <HeaderPhone onOpenPhone={() => setView('phone')} />
          </LazyRegion>
        )}
        <span className="kefu-agent" style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          <AgentAvatar agent={agent} />
          {agent.nickname}
        </span>
        <StatusSwitcher status={agent.status} notResponding={Boolean(agent.notRespondingSince)} />
        <NoticesButton />
        {/* Closed while the dialog is open: opened 0.1 s after the click, it stacked above the dialog and took its Escape. */}
        <Tooltip title={t('app.settings')} open={settingsOpen ? false : undefined}>
          <Button type="text" style={{ color: '#fff' }} icon={<SettingOutlined />} aria-label={t('app.settings')} onClick={() => setSettingsOpen(true)} />
        </Tooltip>
        {agent.role === 'admin' && serverUrl && (
          // A link, not a window of ours: Electron's window-open handler gives http(s) to the system
          // browser, the browser shell opens a tab. The console has its own login.
          <Tooltip title={t('app.console')}>
            <Button
              type="text"
              style={{ color: '#fff' }}
              icon={<ControlOutlined />}
              aria-label={t('app.console')}
              href={new URL('/admin', serverUrl).href}
              target="_blank"
              rel="noopener noreferrer"
            />
          </Tooltip>
        )}
        <Tooltip title={t('app.logout')}>
          <Button type="text" style={{ color: '#fff' }} icon={<LogoutOutlined />} aria-label={t('app.logout')} onClick={() => void logout()} />
        </Tooltip>
      </header>
      <ConnectionBanner />
      {/* One main landmark per view, so a screen reader can jump to the work: the dialog beside the
          visitor list and the helper panel (complementary), the whole of 留言 and 对话记录; the
          电话 view marks its own (its side panels are complementary). */}
      {view === 'chats' ? (
        <div className="kefu-body">
          <VisitorList />
          <main className="kefu-main-slot">
            <LazyRegion>
              <DialogPanel selfId={agent.id} />
            </LazyRegion>
          </main>
          {secondary && (
            <LazyRegion>
              <HelperPanel />
            </LazyRegion>
          )}
        </div>
      ) : (
        <LazyRegion>
          {view === 'offline' ? (
            <main className="kefu-body">
              <OfflinePanel />
            </main>
          ) : view === 'records' ? (
            <main className="kefu-body">
              <RecordsView />
            </main>
          ) : view === 'site-visitors' ? (
            <main className="kefu-body">
              <SiteVisitorsView />
            </main>
          ) : (
            <div className="kefu-body">
              <PhoneView />
            </div>
          )}
        </LazyRegion>
      )}
      {/* Hidden until needed (a summary, an incoming call): their modals after the first frame. */}
      {secondary && (
        <LazyRegion>
          <SummaryModal />
          <PhoneEffects />
        </LazyRegion>
      )}
      <DesktopEffects />
      <NoticeEffects agentId={agent.id} />
      <InvitationEffects />
      {settingsUsed && (
        <LazyRegion>
          <SettingsModal open={settingsOpen} onClose={() => setSettingsOpen(false)} />
        </LazyRegion>
      )}
    </div>
  );
}
