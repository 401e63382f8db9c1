/** The 访客端设置 form's values and what a save sends: only the settings that changed, each whole. */
import type { WidgetSettings, WidgetSettingsPatch } from '../../shared/widget-settings.js';

/** Everything but the logo, which its own upload and removal change at once. */
export type WidgetForm = Omit<WidgetSettings, 'logo'>;
export const WIDGET_FORM_FIELDS = [
  'title',
  'themeColor',
  'welcomeText',
  'position',
  'groupMenu',
  'emojiPicker',
  'registration',
] as const satisfies readonly (keyof WidgetForm)[];

export const formOf = (settings: WidgetSettings): WidgetForm => {
  const { logo: _logo, ...form } = settings;
  return form;
};

/** Compared by value (the menu and 访客注册 are objects); empty when nothing changed. */
export function changedWidgetSettings(values: WidgetForm, current: WidgetSettings): WidgetSettingsPatch {
  const patch: Record<string, unknown> = {};
  for (const name of WIDGET_FORM_FIELDS) {
    const value = name === 'groupMenu' ? { ...values.groupMenu, items: values.groupMenu.items ?? [] } : values[name];
    if (JSON.stringify(value) !== JSON.stringify(current[name])) patch[name] = value;
  }
  return patch as WidgetSettingsPatch;
}
