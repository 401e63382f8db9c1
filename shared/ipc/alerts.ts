/**
 * 提醒设置 (issue 5, "never miss a chat"): per-event alert settings kept by the workstation
 * services. For each event the agent chooses a sound, whether it repeats until acted on (and how
 * often), and a system notification; unread badges and the flashing title are always on.
 */
import { z } from 'zod';
import { invoke } from './invoke.js';

/** The events an agent must not miss; the same names as the `alert:raised` kinds. */
export const ALERT_EVENTS = ['visitor-queued', 'conversation-assigned', 'message-received'] as const;
export type AlertEvent = (typeof ALERT_EVENTS)[number];

export const ALERT_REPEAT_SECONDS = { min: 2, max: 300 } as const;

export const AlertEventSettingsSchema = z.strictObject({
  sound: z.boolean(),
  /** Play again every `repeatSeconds` until the agent acts on the event. */
  repeat: z.boolean(),
  repeatSeconds: z.number().int().min(ALERT_REPEAT_SECONDS.min).max(ALERT_REPEAT_SECONDS.max),
  /** A system notification (the web Notification API in the browser shell). */
  notification: z.boolean(),
  /** Flash the tray icon and taskbar entry (desktop shell). */
  flashTray: z.boolean(),
});
export type AlertEventSettings = z.infer<typeof AlertEventSettingsSchema>;

export const AlertSettingsSchema = z.strictObject({
  'visitor-queued': AlertEventSettingsSchema,
  'conversation-assigned': AlertEventSettingsSchema,
  'message-received': AlertEventSettingsSchema,
});
export type AlertSettings = z.infer<typeof AlertSettingsSchema>;

/** A waiting visitor and a new conversation nag until acted on; a message chimes once. */
export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  'visitor-queued': { sound: true, repeat: true, repeatSeconds: 4, notification: true, flashTray: true },
  'conversation-assigned': { sound: true, repeat: true, repeatSeconds: 4, notification: true, flashTray: true },
  'message-received': { sound: true, repeat: false, repeatSeconds: 10, notification: true, flashTray: false },
};

export const alertInvokeChannels = {
  'alert-settings:get': invoke<AlertSettings>()(z.undefined()),
  /** The whole object each time: a partial or unknown field is refused (VALIDATION_FAILED). */
  'alert-settings:set': invoke<AlertSettings>()(AlertSettingsSchema),
} as const;

export const alertEventChannels = {
  /** Saved from another window or the tray: every listener (renderer, tray) follows at once. */
  'alert-settings:changed': AlertSettingsSchema,
} as const;
