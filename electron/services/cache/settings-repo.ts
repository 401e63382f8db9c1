/** Workstation settings (per installation) with their defaults. */
import { WorkstationSettingsSchema, type WorkstationSettings } from '../../../shared/ipc/contract.js';
import type { Db } from './database.js';

export function defaultSettings(serverUrl: string): WorkstationSettings {
  return {
    serverUrl,
    language: 'zh-CN',
    sendKey: 'enter',
    rememberPassword: false,
    autoLogin: false,
    autoStart: false,
    lastAccount: '',
    soundEnabled: true,
  };
}

/**
 * Stored values over the defaults; a stored value that no longer parses falls back to its default.
 * serverUrl is the address in use, passed in (server-address/server-address.ts decides it).
 */
export function getSettings(db: Db, fallbackServerUrl: string): WorkstationSettings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const merged: Record<string, unknown> = { ...defaultSettings(fallbackServerUrl) };
  for (const row of rows) {
    // The address in use is derived (server-address/), never stored as a setting.
    if (!Object.hasOwn(merged, row.key) || row.key === 'serverUrl') continue;
    const field = WorkstationSettingsSchema.shape[row.key as keyof WorkstationSettings];
    const parsed = field.safeParse(JSON.parse(row.value));
    if (parsed.success) merged[row.key] = parsed.data;
  }
  return WorkstationSettingsSchema.parse(merged);
}

export function saveSettings(db: Db, patch: Partial<WorkstationSettings>): void {
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined && key !== 'serverUrl') upsert.run(key, JSON.stringify(value));
    }
  })();
}
