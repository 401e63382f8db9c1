import { describe, expect, it } from 'vitest';
import { ServerSettingsSchema } from '../../shared/domain.js';
import { ALL_SETTING_NAMES, changedSettings, FILE_SIZE_FIELDS, SETTING_FIELDS } from './settings-fields.js';
import type { ServerSettings } from '../../shared/domain.js';

describe('SETTING_FIELDS', () => {
  it('the form covers every company setting: numbers with the limits of the schema, switches, 工作时间', () => {
    expect([...ALL_SETTING_NAMES].sort()).toEqual(Object.keys(ServerSettingsSchema.shape).sort());
    expect(new Set(ALL_SETTING_NAMES).size).toBe(ALL_SETTING_NAMES.length);
    expect(SETTING_FIELDS.find((f) => f.name === 'queueTimeoutSeconds')).toEqual({ name: 'queueTimeoutSeconds', unit: 'seconds', min: 10, max: 24 * 3600 });
    expect(SETTING_FIELDS.find((f) => f.name === 'maxQueueLength')).toEqual({ name: 'maxQueueLength', unit: 'visitors', min: 0, max: 1000 });
    // The file sizes are the 文件 section's, within the hard ceiling of every upload (20 MB).
    expect(FILE_SIZE_FIELDS).toEqual([
      { name: 'visitorUploadMaxMb', unit: 'megabytes', min: 1, max: 20 },
      { name: 'agentUploadMaxMb', unit: 'megabytes', min: 1, max: 20 },
    ]);
    expect(SETTING_FIELDS.some((f) => f.unit === 'megabytes')).toBe(false);
  });
});

describe('changedSettings', () => {
  it('sends only what changed, comparing lists by value', () => {
    const current = {
      autoCloseMinutes: 6,
      businessHours: [{ weekday: 1, start: '09:00', end: '18:00' }],
      holidays: [],
      maxQueueLength: 0,
    } as unknown as ServerSettings;
    const same = { businessHours: current.businessHours.map((r) => ({ ...r })), holidays: [...current.holidays], autoCloseMinutes: current.autoCloseMinutes };
    expect(changedSettings(same, current)).toEqual({});
    expect(changedSettings({ ...same, holidays: ['2026-10-01'], maxQueueLength: 5 }, current)).toEqual({ holidays: ['2026-10-01'], maxQueueLength: 5 });
  });
});
