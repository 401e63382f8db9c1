/**
 * Every company setting the form shows, by section; the limits of the numeric ones are read from
 * ServerSettingsSchema itself, so the form and the server can never disagree about a range.
 */
import { ServerSettingsSchema, type ServerSettings } from '../../shared/domain.js';

export type SettingName = keyof ServerSettings;
/** On/off settings of the 常规 section (the other sections hold their own switches). */
export const SETTING_SWITCHES = ['agentsMayBlacklist'] as const satisfies readonly SettingName[];
/** The settings whose value is a number: each is an InputNumber with a unit. */
export type NumericSettingName = { [K in SettingName]: ServerSettings[K] extends number ? K : never }[SettingName];
export type SettingUnit = 'minutes' | 'seconds' | 'hours' | 'days' | 'visitors' | 'megabytes';

/** The unit of each numeric setting (…Minutes, …Seconds, …Mb); a new one must be added here too. */
const UNITS: Record<NumericSettingName, SettingUnit> = {
  autoCloseMinutes: 'minutes',
  queueTimeoutSeconds: 'seconds',
  sessionIdleMinutes: 'minutes',
  sessionMaxHours: 'hours',
  refreshTokenDays: 'days',
  maxQueueLength: 'visitors',
  visitorUploadMaxMb: 'megabytes',
  agentUploadMaxMb: 'megabytes',
};

export interface SettingField {
  name: NumericSettingName;
  unit: SettingUnit;
  min: number;
  max: number;
}

function numericField(name: NumericSettingName): SettingField {
  const schema = ServerSettingsSchema.shape[name];
  return { name, unit: UNITS[name], min: schema.minValue ?? 0, max: schema.maxValue ?? Number.MAX_SAFE_INTEGER };
}

/** The 文件 section: whether visitors may send at all, and each side's largest file. */
export const FILE_SWITCHES = ['visitorUploadsEnabled'] as const satisfies readonly SettingName[];
export const FILE_SIZE_FIELDS: readonly SettingField[] = (['visitorUploadMaxMb', 'agentUploadMaxMb'] as const).map(numericField);

/** The numbers of the 常规 section: every numeric setting no other section shows. */
export const SETTING_FIELDS: readonly SettingField[] = (Object.keys(UNITS) as NumericSettingName[])
  .filter((name) => !FILE_SIZE_FIELDS.some((field) => field.name === name))
  .map(numericField);

/** The 工作时间 section's settings (BusinessHoursSection.tsx). */
export const BUSINESS_HOURS_FIELDS = [
  'businessHoursEnabled',
  'businessHours',
  'holidays',
  'timeZone',
  'offHoursNotice',
] as const satisfies readonly SettingName[];

/** The 小结 and 评价 section's settings (ConversationSection.tsx). */
export const CONVERSATION_FIELDS = [
  'summaryRequired',
  'evaluationLabels',
  'evaluationCommentEnabled',
  'evaluationAutoAsk',
] as const satisfies readonly SettingName[];

/** Every setting the page's form holds, section by section. */
export const ALL_SETTING_NAMES: readonly SettingName[] = [
  ...SETTING_FIELDS.map((f) => f.name),
  ...SETTING_SWITCHES,
  ...BUSINESS_HOURS_FIELDS,
  ...CONVERSATION_FIELDS,
  ...FILE_SWITCHES,
  ...FILE_SIZE_FIELDS.map((f) => f.name),
];

/** Only what the admin changed is sent (arrays compared by value). */
export function changedSettings(values: Partial<ServerSettings>, current: ServerSettings): Partial<ServerSettings> {
  return Object.fromEntries(
    (Object.keys(values) as SettingName[])
      .filter((name) => name in ServerSettingsSchema.shape && values[name] !== undefined && JSON.stringify(values[name]) !== JSON.stringify(current[name]))
      .map((name) => [name, values[name]]),
  ) as Partial<ServerSettings>;
}
