/**
 * Keeps the tray in step with the workstation: listens to its events, renders trayView through an
 * injected TrayPort (the Electron Tray in main, a recording fake in tests), and turns menu clicks
 * into the same `agent:set-status` handler the in-app switcher uses, so the server confirms it.
 */
import type { Agent, AgentStatus } from '../../../shared/domain.js';
import type { Result } from '../../../shared/errors.js';
import type { EventChannel, EventPayload } from '../../../shared/ipc/contract.js';
import { DEFAULT_ALERT_SETTINGS, type AlertEvent, type AlertSettings } from '../../../shared/ipc/alerts.js';
import { trayView, type TrayMenuId, type TrayMenuItem, type TrayState } from './tray-model.js';

/** The Electron edge: everything the controller does to the real tray. */
export interface TrayPort {
  setImage(icon: string): void;
  setToolTip(text: string): void;
  setContextMenu(items: TrayMenuItem[]): void;
  /** Flash the tray icon and the taskbar entry (on) or stop (off). */
  flash(on: boolean): void;
}

export interface WorkstationEventSource {
  on<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void;
}

export interface TrayControllerDeps {
  port: TrayPort;
  setStatus(status: AgentStatus): Promise<Result<Agent>>;
  openWindow(): void;
  openSettings(): void;
  quit(): void;
  /** A status change the server refused (shown by the shell as a notification). */
  onError?(message: string): void;
}

export interface TrayController {
  /** Subscribes to the workstation's events; returns the unsubscribe function. */
  attach(source: WorkstationEventSource): () => void;
  windowFocused(focused: boolean): void;
  menuClicked(id: TrayMenuId): Promise<void>;
  state(): TrayState;
}

export function createTrayController(deps: TrayControllerDeps): TrayController {
  const state: TrayState = { status: 'offline', phone: null, unread: 0, queued: 0, disconnected: false, attention: false, windowFocused: true };
  const unreadByConversation = new Map<string, number>();
  // 提醒设置 decide which events flash the tray; the services send the stored ones on login.
  let alertSettings: AlertSettings = DEFAULT_ALERT_SETTINGS;
  const attentionFrom = new Set<AlertEvent>();
  const setAttention = () => {
    state.attention = attentionFrom.size > 0;
  };
  let shown: { icon?: string; tooltip?: string; menu?: string; flashing?: boolean } = {};

  function render() {
    const view = trayView(state);
    // Only touch the native tray when something changed: events arrive far more often than that.
    if (view.icon !== shown.icon) deps.port.setImage(view.icon);
    if (view.tooltip !== shown.tooltip) deps.port.setToolTip(view.tooltip);
    const menu = JSON.stringify(view.menu);
    if (menu !== shown.menu) deps.port.setContextMenu(view.menu);
    if (view.flashing !== shown.flashing) deps.port.flash(view.flashing);
    shown = { icon: view.icon, tooltip: view.tooltip, menu, flashing: view.flashing };
  }

  function setUnread(conversationId: string, unread: number | null) {
    if (unread === null || unread === 0) unreadByConversation.delete(conversationId);
    else unreadByConversation.set(conversationId, unread);
    state.unread = [...unreadByConversation.values()].reduce((sum, n) => sum + n, 0);
  }

  const agentSeen = (agent: Agent | null) => {
    state.status = agent ? agent.status : 'offline';
    state.notResponding = Boolean(agent?.notRespondingSince);
    if (!agent) {
      unreadByConversation.clear();
      state.unread = 0;
      state.queued = 0;
      attentionFrom.clear();
      setAttention();
    }
  };

  let ownAgentId: string | null = null;

  return {
    attach(source) {
      const offs = [
        source.on('session:changed', (snapshot) => {
          ownAgentId = snapshot.agent?.id ?? null;
          agentSeen(snapshot.agent);
          render();
        }),
        source.on('agent:updated', (agent) => {
          if (agent.id !== ownAgentId) return;
          agentSeen(agent);
          render();
        }),
        source.on('conversation:updated', (conversation) => {
          setUnread(conversation.id, conversation.state === 'ended' ? null : conversation.unread);
          render();
        }),
        source.on('conversation:removed', ({ conversationId }) => {
          setUnread(conversationId, null);
          render();
        }),
        source.on('conversations:synced', ({ conversations, removed }) => {
          for (const conversation of conversations) setUnread(conversation.id, conversation.state === 'ended' ? null : conversation.unread);
          for (const conversationId of removed) setUnread(conversationId, null);
          render();
        }),
        source.on('queue:changed', (queue) => {
          state.queued = queue.length;
          render();
        }),
        source.on('connection:changed', (connection) => {
          state.disconnected = connection.state === 'offline' || connection.state === 'connecting';
          render();
        }),
        source.on('alert:raised', (alert) => {
          // Focused window: the agent sees it already, nothing to draw attention to.
          if (!alertSettings[alert.kind].flashTray || state.windowFocused) return;
          attentionFrom.add(alert.kind);
          setAttention();
          render();
        }),
        source.on('alert-settings:changed', (settings) => {
          alertSettings = settings;
          for (const kind of attentionFrom) if (!settings[kind].flashTray) attentionFrom.delete(kind);
          setAttention();
          render();
        }),
        source.on('phone:state-changed', (phone) => {
          state.phone = phone.registration;
          render();
        }),
      ];
      render();
      return () => offs.forEach((off) => off());
    },
    windowFocused(focused) {
      state.windowFocused = focused;
      if (focused) attentionFrom.clear();
      setAttention();
      render();
    },
    async menuClicked(id) {
      switch (id) {
        case 'open':
          return deps.openWindow();
        case 'settings':
          return deps.openSettings();
        case 'quit':
          return deps.quit();
        case 'status:online':
        case 'status:busy':
        case 'status:away': {
          const result = await deps.setStatus(id.slice('status:'.length) as AgentStatus);
          // The tray changes only when the server's answer arrives as agent:updated.
          if (!result.ok) deps.onError?.(`状态切换失败：${result.error.message}`);
          return;
        }
      }
    },
    state: () => ({ ...state }),
  };
}
