/**
 * What the tray shows for a given workstation state, as plain data: icon name, tooltip, whether
 * it flashes, and the menu. Pure, so every state is testable without Electron; the Electron glue
 * only turns this into Tray/Menu calls.
 */
import type { AgentStatus } from '../../../shared/domain.js';
import { assertNever } from '../../../shared/errors.js';
import type { RegistrationState } from '../../../shared/ipc/phone.js';

/** The agent's status as the tray knows it: 离线 when nobody is logged in. */
export type TrayStatus = AgentStatus | 'offline';
export const TRAY_STATUSES = ['online', 'busy', 'away', 'offline'] as const satisfies readonly TrayStatus[];

export interface TrayState {
  status: TrayStatus;
  /** null when no softphone is configured. */
  phone: RegistrationState | null;
  unread: number;
  queued: number;
  /** The realtime connection is down (the server keeps the status for a grace period). */
  disconnected: boolean;
  /** A new conversation (or queued visitor) arrived that the agent has not looked at yet. */
  attention: boolean;
  windowFocused: boolean;
  /** Set away by the not-responding rule (未响应): the tooltip says why. */
  notResponding?: boolean;
}

export type TrayMenuId = `status:${AgentStatus}` | 'open' | 'settings' | 'quit';

export type TrayMenuItem =
  | { kind: 'status'; id: `status:${AgentStatus}`; label: string; checked: boolean; enabled: boolean }
  | { kind: 'action'; id: 'open' | 'settings' | 'quit'; label: string }
  | { kind: 'separator' };

export interface TrayView {
  /** File stem under resources/tray/, e.g. "online-phone-unread" (theme and size are added by trayIconFile). */
  icon: string;
  tooltip: string;
  flashing: boolean;
  menu: TrayMenuItem[];
}

export const STATUS_LABELS: Record<TrayStatus, string> = { online: '在线', busy: '忙碌', away: '离开', offline: '离线' };

function phoneLabel(phone: RegistrationState): string {
  switch (phone) {
    case 'registered':
      return '电话已注册';
    case 'registering':
      return '电话注册中';
    case 'unregistered':
      return '电话未注册';
    case 'failed':
      return '电话注册失败';
    default:
      return assertNever(phone);
  }
}

export function trayIconName(state: Pick<TrayState, 'status' | 'phone' | 'unread' | 'queued'>): string {
  const parts: string[] = [state.status];
  if (state.phone === 'registered') parts.push('phone');
  if (state.unread + state.queued > 0) parts.push('unread');
  return parts.join('-');
}

export type TrayTheme = 'light' | 'dark';
export const TRAY_SIZES = [16, 24, 32] as const;
export type TraySize = (typeof TRAY_SIZES)[number];

/** `light` = icon drawn for a light taskbar/panel background. */
export function trayIconFile(icon: string, theme: TrayTheme, size: TraySize): string {
  return `${icon}-${theme}-${size}.png`;
}

/** Every icon stem the model can produce (the icon generator writes exactly these). */
export function allTrayIconNames(): string[] {
  const names: string[] = [];
  for (const status of TRAY_STATUSES)
    for (const phone of [null, 'registered'] as const) for (const unread of [0, 1]) names.push(trayIconName({ status, phone, unread, queued: 0 }));
  return names;
}

export function trayView(state: TrayState): TrayView {
  const notResponding = state.status === 'away' && state.notResponding === true;
  const lines = [`客服工作台 · ${notResponding ? '未响应（已设为离开）' : STATUS_LABELS[state.status]}`];
  if (state.status !== 'offline') lines.push(`未读 ${state.unread} · 排队 ${state.queued}`);
  if (state.disconnected && state.status !== 'offline') lines.push('网络已断开，正在重连');
  if (state.phone) lines.push(phoneLabel(state.phone));
  const loggedIn = state.status !== 'offline';
  const statusItem = (status: AgentStatus): TrayMenuItem => ({
    kind: 'status',
    id: `status:${status}`,
    label: STATUS_LABELS[status],
    checked: state.status === status,
    enabled: loggedIn && !state.disconnected,
  });
  return {
    icon: trayIconName(state),
    tooltip: lines.join('\n'),
    flashing: state.attention && !state.windowFocused,
    menu: [
      statusItem('online'),
      statusItem('busy'),
      statusItem('away'),
      { kind: 'separator' },
      { kind: 'action', id: 'open', label: '打开' },
      { kind: 'action', id: 'settings', label: '设置' },
      { kind: 'separator' },
      { kind: 'action', id: 'quit', label: '退出系统' },
    ],
  };
}
