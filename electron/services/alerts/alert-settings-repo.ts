/**
 * 提醒设置 kept in the cache's settings table under one key. getSettings() skips keys it does not
 * know, so this row lives beside the workstation settings without touching their schema.
 */
import { AlertSettingsSchema, DEFAULT_ALERT_SETTINGS, type AlertSettings } from '../../../shared/ipc/alerts.js';
import type { Db } from '../cache/database.js';

const KEY = 'alertSettings';

/** The stored settings; a row that no longer parses (older or hand-edited) falls back to the defaults. */
export function getAlertSettings(db: Db): AlertSettings {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return DEFAULT_ALERT_SETTINGS;
  try {
    const parsed = AlertSettingsSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : DEFAULT_ALERT_SETTINGS;
  } catch {
    return DEFAULT_ALERT_SETTINGS;
  }
}

export function saveAlertSettings(db: Db, settings: AlertSettings): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(settings));
}
