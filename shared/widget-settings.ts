/**
 * 访客端设置: how the visitor widget looks (title, theme colour, logo, welcome text, launcher
 * position, emoji picker), the 技能组 menu it offers before a chat, and 访客注册 — the name, phone
 * and e-mail asked before the first message. Kept apart from ServerSettings: these are public
 * (every widget loads them), the company settings are not.
 *
 * The one place the rules live: the console's form, the server's routes and the widget's pre-chat
 * form all check with these schemas, so a phone the widget accepts is one the server accepts.
 */
import { z } from 'zod';
import { ContactEmailSchema, ContactPhoneSchema } from './customers.js';
import { ImageMimeSchema, nameField, textField } from './domain.js';
import { LIMITS } from './limits.js';
import { Id } from './protocol/rest-common.js';

export const WIDGET_LIMITS = {
  titleMax: 40,
  welcomeTextMax: 500,
  privacyNoteMax: 300,
  groupLabelMax: 40,
  groupMenuMax: 20,
  /** A header logo; the upload travels base64 in a JSON body, so it must fit the JSON body limit. */
  logoBytesMax: 128 * 1024,
} as const;

/** A colour as #rrggbb (stored lower-case). */
export const HexColorSchema = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1664e3')
  .transform((hex) => hex.toLowerCase());

export const WidgetPositionSchema = z.enum(['bottom-right', 'bottom-left']);
export type WidgetPosition = z.infer<typeof WidgetPositionSchema>;

/** Each 访客注册 field: not asked, asked, or needed before the chat starts. */
export const RegistrationModeSchema = z.enum(['off', 'optional', 'required']);
export type RegistrationMode = z.infer<typeof RegistrationModeSchema>;
export const REGISTRATION_FIELDS = ['name', 'phone', 'email'] as const;
export type RegistrationField = (typeof REGISTRATION_FIELDS)[number];

/** '' or text: optional texts of the widget ('' = the widget's own wording in the visitor's language). */
const optionalText = (max: number) => z.union([z.literal(''), textField(max)]);

export const RegistrationSettingsSchema = z.strictObject({
  name: RegistrationModeSchema,
  phone: RegistrationModeSchema,
  email: RegistrationModeSchema,
  /** Shown under the form (what the answers are used for). */
  privacyNote: optionalText(WIDGET_LIMITS.privacyNoteMax),
});
export type RegistrationSettings = z.infer<typeof RegistrationSettingsSchema>;

export const GroupMenuItemSchema = z.strictObject({
  groupId: Id,
  /** What visitors read ('' = the group's own name). */
  label: z.union([z.literal(''), nameField(WIDGET_LIMITS.groupLabelMax)]),
});
export type GroupMenuItem = z.infer<typeof GroupMenuItemSchema>;

/** The 技能组 a visitor may choose before a chat, in this order; off = no menu (everyone to the general queue or the link's group). */
export const GroupMenuSchema = z
  .strictObject({
    enabled: z.boolean(),
    items: z
      .array(GroupMenuItemSchema)
      .max(WIDGET_LIMITS.groupMenuMax)
      .refine((items) => new Set(items.map((item) => item.groupId)).size === items.length, 'each group at most once'),
  })
  .refine((menu) => !menu.enabled || menu.items.length > 0, { message: 'choose at least one group for the menu', path: ['items'] });
export type GroupMenu = z.infer<typeof GroupMenuSchema>;

/** The uploaded logo (its bytes live with the attachments, server/store/attachment-files.ts). */
export const WidgetLogoSchema = z.strictObject({ id: Id, mime: ImageMimeSchema });
export type WidgetLogo = z.infer<typeof WidgetLogoSchema>;

/** What the admin sets and the server stores. */
export const WidgetSettingsSchema = z.strictObject({
  /** '' = the widget's own title (在线客服 / Live chat). */
  title: optionalText(WIDGET_LIMITS.titleMax),
  themeColor: HexColorSchema,
  logo: WidgetLogoSchema.nullable(),
  /** The start screen's greeting ('' = the widget's own). */
  welcomeText: optionalText(WIDGET_LIMITS.welcomeTextMax),
  position: WidgetPositionSchema,
  groupMenu: GroupMenuSchema,
  emojiPicker: z.boolean(),
  registration: RegistrationSettingsSchema,
});
export type WidgetSettings = z.infer<typeof WidgetSettingsSchema>;

/** Today's widget: blue, bottom right, nickname optional, nothing else asked. */
export const DEFAULT_WIDGET_SETTINGS: WidgetSettings = {
  title: '',
  themeColor: '#1664e3',
  logo: null,
  welcomeText: '',
  position: 'bottom-right',
  groupMenu: { enabled: false, items: [] },
  emojiPicker: true,
  registration: { name: 'optional', phone: 'off', email: 'off', privacyNote: '' },
};

/**
 * A change from the console: any of the fields (each replaced whole); the logo only comes from
 * its upload route, so here it can only be removed (null).
 */
export const WidgetSettingsPatchSchema = WidgetSettingsSchema.omit({ logo: true })
  .partial()
  .extend({ logo: z.null().optional() })
  .strict()
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), 'change at least one setting');
export type WidgetSettingsPatch = z.input<typeof WidgetSettingsPatchSchema>;

export const WidgetLogoUploadSchema = z.strictObject({
  /** The file's name (its type is taken from the bytes; the name must not promise another). */
  name: nameField(LIMITS.fileNameMax),
  /** Base64 of at most logoBytesMax bytes. */
  dataBase64: z
    .string()
    .min(1)
    .max(Math.ceil(WIDGET_LIMITS.logoBytesMax / 3) * 4 + 4)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
});
export type WidgetLogoUpload = z.infer<typeof WidgetLogoUploadSchema>;

/** Where a stored logo is served (public: the widget's <img> sends no token). */
export const widgetLogoPath = (id: string): string => `/api/widget/logo/${encodeURIComponent(id)}`;

/** What the widget loads (public, nothing secret): the settings with the logo's URL, readable colours and the menu's names. */
export const WidgetConfigSchema = z.object({
  title: z.string(),
  themeColor: z.string(),
  /** Text and icons on the theme colour (header, buttons, the visitor's bubbles): black or white, whichever reads. */
  themeTextColor: z.string(),
  /** The theme colour as text on white (links, outlines): darkened until it reads. */
  themeAccentColor: z.string(),
  logoUrl: z.string().nullable(),
  welcomeText: z.string(),
  position: WidgetPositionSchema,
  /** Empty = no menu. Groups deleted since are left out. */
  groupMenu: z.array(z.object({ groupId: z.string(), label: z.string() })),
  emojiPicker: z.boolean(),
  registration: z.object({ name: RegistrationModeSchema, phone: RegistrationModeSchema, email: RegistrationModeSchema, privacyNote: z.string() }),
});
export type WidgetConfig = z.infer<typeof WidgetConfigSchema>;

/**
 * The config widgets see, from the settings: readable colours computed, the menu's groups named by
 * `groupName` (a group it does not know — deleted since — is left out). The server answers it; the
 * widget starts from the defaults' before the answer arrives.
 */
export function widgetConfigOf(settings: WidgetSettings, groupName: (groupId: string) => string | undefined): WidgetConfig {
  const menu = settings.groupMenu.enabled ? settings.groupMenu.items : [];
  return {
    title: settings.title,
    themeColor: settings.themeColor,
    themeTextColor: readableTextOn(settings.themeColor),
    themeAccentColor: accentOnWhite(settings.themeColor),
    logoUrl: settings.logo ? widgetLogoPath(settings.logo.id) : null,
    welcomeText: settings.welcomeText,
    position: settings.position,
    groupMenu: menu.flatMap((item) => {
      const name = groupName(item.groupId);
      return name === undefined ? [] : [{ groupId: item.groupId, label: item.label || name }];
    }),
    emojiPicker: settings.emojiPicker,
    registration: settings.registration,
  };
}

/**
 * The visitor's answers before a chat (访客注册) and the 技能组 they picked from the menu. Blank
 * optional fields are left out; the server checks the required ones against the settings.
 */
export const PrechatBodySchema = z.strictObject({
  groupId: Id.optional(),
  name: nameField(LIMITS.nameMax).optional(),
  phone: ContactPhoneSchema.optional(),
  email: ContactEmailSchema.optional(),
});
export type PrechatBody = z.infer<typeof PrechatBodySchema>;

/** One answer, checked as the server will: null when fine, else the schema's message. */
export function registrationProblem(field: RegistrationField, value: string, mode: RegistrationMode): string | null {
  const text = value.trim();
  if (mode === 'off') return null;
  if (!text) return mode === 'required' ? 'required' : null;
  const result = PrechatBodySchema.shape[field].safeParse(text);
  return result.success ? null : (result.error.issues[0]?.message ?? 'invalid');
}

// --- Colours -----------------------------------------------------------------------------------

const channels = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
const toHex = (rgb: number[]): string =>
  `#${rgb
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;

/** WCAG 2 relative luminance of #rrggbb. */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export const DARK_TEXT = '#1f1f1f';
export const LIGHT_TEXT = '#ffffff';

/** Text on a background of this colour: white or near-black, whichever has the higher contrast. */
export function readableTextOn(background: string): string {
  return contrastRatio(background, LIGHT_TEXT) >= contrastRatio(background, DARK_TEXT) ? LIGHT_TEXT : DARK_TEXT;
}

/** `hex` moved toward `toward` by `amount` (0–1). */
export function mix(hex: string, toward: string, amount: number): string {
  const other = channels(toward);
  return toHex(channels(hex).map((c, i) => c + (other[i]! - c) * amount));
}

/** The colour mixed toward black by `amount` (0–1). */
export function darken(hex: string, amount: number): string {
  return mix(hex, '#000000', amount);
}

/** The colour as text on white: darkened step by step until it reaches 4.5:1 (WCAG AA). */
export function accentOnWhite(hex: string): string {
  let color = hex;
  for (let step = 0; step < 20 && contrastRatio(color, '#ffffff') < 4.5; step++) color = darken(color, 0.1);
  return color;
}
