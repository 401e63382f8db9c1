import { describe, expect, it } from 'vitest';
import { ServerSettingsSchema } from '../../shared/domain.js';
import { SETTING_FIELDS } from './settings-fields.js';

describe('SETTING_FIELDS', () => {
  it('covers every company setting with the limits of the schema', () => {
    expect(SETTING_FIELDS.map((f) => f.name).sort()).toEqual(Object.keys(ServerSettingsSchema.shape).sort());
    expect(SETTING_FIELDS.find((f) => f.name === 'queueTimeoutSeconds')).toEqual({ name: 'queueTimeoutSeconds', unit: 'seconds', min: 10, max: 24 * 3600 });
  });
});
