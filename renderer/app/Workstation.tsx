import { useEffect, useRef, useState } from 'react';
import { Badge, Button, Segmented, Tooltip } from 'antd';
import { LogoutOutlined, SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Agent } from '../../shared/domain.js';
import { loadWorkstation } from './subscribeEvents.js';
import { useAfterFirstPaint } from './useAfterFirstPaint.js';
import { kefu } from './kefu.js';
import { startPhoneMedia } from '../phone/media/index.js';
import { useSessionStore } from '../login/sessionStore.js';
import { StatusSwitcher } from '../status/StatusSwitcher.js';
import { ConnectionBanner } from '../connection/ConnectionBanner.js';
import { VisitorList } from '../visitors/VisitorList.js';
import { useConversationsStore } from '../visitors/conversationsStore.js';
import { totalUnread } from '../visitors/conversationLogic.js';
import { DialogPanel } from '../dialog/DialogPanel.js';
import { SummaryModal } from '../dialog/SummaryModal.js';
import { HelperPanel } from '../helper-panel/HelperPanel.js';
import { OfflinePanel } from '../offline/OfflinePanel.js';
import { useOfflineStore } from '../offline/offlineStore.js';
import { SettingsModal } from '../settings/SettingsModal.js';
import { DesktopEffects, useDesktopStore } from '../desktop/index.js';
import { HeaderPhone, PhoneEffects, PhoneView, useMissedCallCount, usePhoneView } from '../phone/index.js';
import { RecordsView } from '../records/RecordsView.js';

type View = 'chats' | 'offline' | 'phone' | 'records';

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
  const logout = useSessionStore((s) => s.logout);
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
            ]}
          />
        </nav>
        <span className="kefu-spacer" />
        {secondary && <HeaderPhone onOpenPhone={() => setView('phone')} />}
        <span className="kefu-agent">{agent.nickname}</span>
        <StatusSwitcher status={agent.status} notResponding={Boolean(agent.notRespondingSince)} />
        <Tooltip title={t('app.settings')}>
          <Button type="text" style={{ color: '#fff' }} icon={<SettingOutlined />} aria-label={t('app.settings')} onClick={() => setSettingsOpen(true)} />
        </Tooltip>
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
            <DialogPanel selfId={agent.id} />
          </main>
          {secondary && <HelperPanel />}
        </div>
      ) : view === 'offline' ? (
        <main className="kefu-body">
          <OfflinePanel />
        </main>
      ) : view === 'records' ? (
        <main className="kefu-body">
          <RecordsView />
        </main>
      ) : (
        <div className="kefu-body">
          <PhoneView />
        </div>
      )}
      {secondary && <SummaryModal />}
      <PhoneEffects />
      <DesktopEffects />
      <SettingsModal open={settingsOpen} onClose={() => setSettingsOpen(false)} />
    </div>
  );
}
