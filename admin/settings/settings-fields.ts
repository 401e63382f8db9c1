/**
 * Every company setting the form shows, with its unit; the limits are read from
 * ServerSettingsSchema itself, so the form and the server can never disagree about a range.
 */
import { ServerSettingsSchema, type ServerSettings } from '../../shared/domain.js';

export type SettingName = keyof ServerSettings;
export type SettingUnit = 'minutes' | 'seconds' | 'hours' | 'days';

/** The unit each setting's name ends with (…Minutes, …Seconds, …); a new setting must be added here too. */
const UNITS: Record<SettingName, SettingUnit> = {
  autoCloseMinutes: 'minutes',
  queueTimeoutSeconds: 'seconds',
  sessionIdleMinutes: 'minutes',
  sessionMaxHours: 'hours',
  refreshTokenDays: 'days',
};

export interface SettingField {
  name: SettingName;
  unit: SettingUnit;
  min: number;
  max: number;
}

export const SETTING_FIELDS: readonly SettingField[] = (Object.keys(UNITS) as SettingName[]).map((name) => {
  const schema = ServerSettingsSchema.shape[name];
  return { name, unit: UNITS[name], min: schema.minValue ?? 0, max: schema.maxValue ?? Number.MAX_SAFE_INTEGER };
});
