/**
 * Every numeric company setting the form shows, with its unit; the limits are read from
 * ServerSettingsSchema itself, so the form and the server can never disagree about a range.
 * Settings that are not numbers (工作时间, switches) have sections of their own.
 */
import { ServerSettingsSchema, type ServerSettings } from '../../shared/domain.js';

export type SettingName = keyof ServerSettings;
/** On/off settings shown as a switch of their own (not part of another section). */
export const SETTING_SWITCHES = ['agentsMayBlacklist'] as const satisfies readonly SettingName[];
/** The settings whose value is a number: each is an InputNumber with a unit. */
export type NumericSettingName = { [K in SettingName]: ServerSettings[K] extends number ? K : never }[SettingName];
export type SettingUnit = 'minutes' | 'seconds' | 'hours' | 'days' | 'visitors';

/** The unit of each numeric setting (…Minutes, …Seconds, …); a new one must be added here too. */
const UNITS: Record<NumericSettingName, SettingUnit> = {
  autoCloseMinutes: 'minutes',
  queueTimeoutSeconds: 'seconds',
  sessionIdleMinutes: 'minutes',
  sessionMaxHours: 'hours',
  refreshTokenDays: 'days',
  maxQueueLength: 'visitors',
};

export interface SettingField {
  name: NumericSettingName;
  unit: SettingUnit;
  min: number;
  max: number;
}

export const SETTING_FIELDS: readonly SettingField[] = (Object.keys(UNITS) as NumericSettingName[]).map((name) => {
  const schema = ServerSettingsSchema.shape[name];
  return { name, unit: UNITS[name], min: schema.minValue ?? 0, max: schema.maxValue ?? Number.MAX_SAFE_INTEGER };
});

/** The 工作时间 section's settings (BusinessHoursSection.tsx). */
export const BUSINESS_HOURS_FIELDS = [
  'businessHoursEnabled',
  'businessHours',
  'holidays',
  'timeZone',
  'offHoursNotice',
] as const satisfies readonly SettingName[];

/** Only what the admin changed is sent (arrays compared by value). */
export function changedSettings(values: Partial<ServerSettings>, current: ServerSettings): Partial<ServerSettings> {
  return Object.fromEntries(
    (Object.keys(values) as SettingName[])
      .filter((name) => name in ServerSettingsSchema.shape && values[name] !== undefined && JSON.stringify(values[name]) !== JSON.stringify(current[name]))
      .map((name) => [name, values[name]]),
  ) as Partial<ServerSettings>;
}
