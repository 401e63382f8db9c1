import { describe, expect, it } from 'vitest';
import { ServerSettingsSchema } from '../../shared/domain.js';
import { BUSINESS_HOURS_FIELDS, changedSettings, SETTING_FIELDS, SETTING_SWITCHES } from './settings-fields.js';
import type { ServerSettings } from '../../shared/domain.js';

describe('SETTING_FIELDS', () => {
  it('the form covers every company setting: numbers with the limits of the schema, switches, 工作时间', () => {
    const shown = [...SETTING_FIELDS.map((f) => f.name), ...SETTING_SWITCHES, ...BUSINESS_HOURS_FIELDS];
    expect(shown.sort()).toEqual(Object.keys(ServerSettingsSchema.shape).sort());
    expect(SETTING_FIELDS.find((f) => f.name === 'queueTimeoutSeconds')).toEqual({ name: 'queueTimeoutSeconds', unit: 'seconds', min: 10, max: 24 * 3600 });
    expect(SETTING_FIELDS.find((f) => f.name === 'maxQueueLength')).toEqual({ name: 'maxQueueLength', unit: 'visitors', min: 0, max: 1000 });
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
