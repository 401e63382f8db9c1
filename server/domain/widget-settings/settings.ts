/**
 * 访客端设置: reading them (stored document over the defaults), changing them from the console
 * (audit-logged, then pushed to open widgets), and the public config every widget loads.
 */
import {
  DEFAULT_WIDGET_SETTINGS,
  WidgetSettingsSchema,
  widgetConfigOf,
  type WidgetConfig,
  type WidgetSettings,
  type WidgetSettingsPatch,
} from '../../../shared/widget-settings.js';
import type { DomainContext } from '../context.js';
import type { ConsoleActor } from '../admin/console-scope.js';
import { recordAudit } from '../admin/audit.js';
import { refuse } from '../errors.js';
import { settingsChanged } from '../settings-changed.js';

/** Audit entries of these settings: 公司设置, told apart from the rest by this target id. */
export const WIDGET_AUDIT_TARGET = { type: 'settings', id: 'widget' } as const;

/**
 * The stored document over the defaults, field by field: a field this version does not know, or
 * one an older version wrote differently, falls back to its default instead of breaking widgets.
 */
export function readWidgetSettings(ctx: DomainContext): WidgetSettings {
  const stored = ctx.store.widgetSettings.read();
  const fields = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const merged: Record<string, unknown> = { ...DEFAULT_WIDGET_SETTINGS };
  for (const key of Object.keys(DEFAULT_WIDGET_SETTINGS) as (keyof WidgetSettings)[]) {
    const parsed = WidgetSettingsSchema.shape[key].safeParse(fields[key]);
    if (parsed.success) merged[key] = parsed.data;
  }
  return merged as WidgetSettings;
}

/**
 * The settings as the console edits them: a menu entry whose group was deleted since is left out
 * (widgets never see it either), so the form offers no group that cannot be saved.
 */
export function adminWidgetSettings(ctx: DomainContext): WidgetSettings {
  const settings = readWidgetSettings(ctx);
  const items = settings.groupMenu.items.filter((item) => ctx.store.groups.byId(item.groupId));
  return { ...settings, groupMenu: { enabled: settings.groupMenu.enabled && items.length > 0, items } };
}

/** What widgets load and are pushed: readable colours computed, the menu's groups named (deleted ones left out). */
export function widgetConfig(ctx: DomainContext): WidgetConfig {
  return widgetConfigOf(readWidgetSettings(ctx), (groupId) => ctx.store.groups.byId(groupId)?.name);
}

/** Every group of the menu must exist (a removed group is refused here, and left out of old menus by widgetConfig). */
function refuseUnknownGroups(ctx: DomainContext, patch: WidgetSettingsPatch): void {
  const items = patch.groupMenu?.items ?? [];
  const details: Record<string, string> = {};
  items.forEach((item, index) => {
    if (!ctx.store.groups.byId(item.groupId)) details[`body.groupMenu.items.${index}.groupId`] = 'unknown group';
  });
  if (Object.keys(details).length > 0) refuse('VALIDATION_FAILED', 'The menu names a group that does not exist', details);
}

/**
 * Writes `next` (audit-logged in the same transaction), then tells open widgets. A logo no longer
 * used loses its bytes only after the commit: a rollback never leaves a setting without its file.
 */
export function saveWidgetSettings(ctx: DomainContext, actor: ConsoleActor, change: (before: WidgetSettings) => WidgetSettings): WidgetSettings {
  const { before, after } = ctx.store.transaction(() => {
    const before = readWidgetSettings(ctx);
    const after = change(before);
    ctx.store.widgetSettings.write(after, ctx.clock());
    recordAudit(ctx, actor, 'settings.update', WIDGET_AUDIT_TARGET, before, after);
    return { before, after };
  });
  if (before.logo && before.logo.id !== after.logo?.id) ctx.store.attachmentBytes.remove(before.logo.id);
  settingsChanged(ctx);
  return after;
}

export function updateWidgetSettings(ctx: DomainContext, actor: ConsoleActor, patch: WidgetSettingsPatch): WidgetSettings {
  refuseUnknownGroups(ctx, patch);
  const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<WidgetSettings>;
  return saveWidgetSettings(ctx, actor, (before) => ({ ...before, ...defined }));
}
