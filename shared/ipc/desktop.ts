/**
 * The desktop shell's part of the IPC contract (issue 4): desktop settings (auto-start, away on
 * lock, screenshots), screenshots into a conversation, quitting through the quit rules. The
 * browser shell has no desktop: it answers these with INVALID_STATE and `available: false`.
 */
import { z } from 'zod';
import { invoke, Void } from './invoke.js';

/** Desktop-only settings, kept by the app in its own versioned settings file. */
export const DesktopSettingsSchema = z.object({
  /** 开机自动启动 (applied to the OS: XDG autostart entry or login items). */
  autoStart: z.boolean(),
  /** The "still running in the tray" notice was shown once already. */
  closeToTrayNoticeShown: z.boolean(),
  /** Go 离开 on screen lock, suspend or long idle. */
  awayOnLock: z.boolean(),
  /** Back to the status before the lock on unlock/resume. */
  restorePreviousStatus: z.boolean(),
  /** Minutes without input before going away; 0 = never. */
  idleAwayMinutes: z.number().int().min(0).max(240),
  /** Hide the workstation while taking a screenshot. */
  screenshotHidesWindow: z.boolean(),
  /** Global shortcut for 截屏 (Electron accelerator); empty = none. */
  screenshotShortcut: z.string().max(64),
});
export type DesktopSettings = z.infer<typeof DesktopSettingsSchema>;

export const DesktopStateSchema = z.object({
  /** False in the browser shell: no tray, no auto-start, no screenshots. */
  available: z.boolean(),
  settings: DesktopSettingsSchema.nullable(),
  /** False when the OS has no keychain: 记住密码 / 自动登录 cannot be offered. */
  canRememberPassword: z.boolean(),
  /** Why something is unavailable, for the settings page (Chinese). */
  notice: z.string().nullable(),
});
export type DesktopState = z.infer<typeof DesktopStateSchema>;

export const desktopInvokeChannels = {
  'desktop:get-state': invoke<DesktopState>()(Void),
  'desktop:update-settings': invoke<DesktopState>()(DesktopSettingsSchema.omit({ closeToTrayNoticeShown: true }).partial().strict()),
  /** 截屏: opens the region overlay; the selection is sent into the conversation as an image. */
  'desktop:capture-screenshot': invoke<{ sent: boolean }>()(z.strictObject({ conversationId: z.string().min(1).max(64) })),
  /** 退出系统 from the app: asks first with open conversations, goes away on the server, quits. */
  'desktop:quit': invoke<{ quitting: boolean }>()(Void),
} as const;

export const desktopEventChannels = {
  'desktop:state-changed': DesktopStateSchema,
  /** The tray's 设置 item: the renderer opens its settings page. */
  'desktop:open-settings': z.object({}),
  /** The global 截屏 shortcut was pressed: the renderer captures into the current conversation. */
  'desktop:screenshot-requested': z.object({}),
} as const;
