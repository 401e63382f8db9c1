/** REST routes of 访客端设置: what widgets load, the console's form and logo upload, and the visitor's pre-chat answers. */
import { z } from 'zod';
import { Id, IdParams } from './rest-common.js';
import { PrechatBodySchema, WidgetConfigSchema, WidgetLogoUploadSchema, WidgetSettingsPatchSchema, WidgetSettingsSchema } from '../widget-settings.js';
import type { RouteDef } from './rest.js';

export const widgetSettingsRoutes = {
  getWidgetConfig: {
    method: 'GET',
    path: '/api/widget/config',
    access: 'public',
    summary: "The widget's appearance, 技能组 menu and 访客注册 (public: nothing secret)",
    response: WidgetConfigSchema,
  },
  getWidgetLogo: {
    method: 'GET',
    path: '/api/widget/logo/:id',
    access: 'public',
    summary: "The widget's current logo image (404 for any other id)",
    params: IdParams,
    response: z.unknown(),
  },
  adminGetWidgetSettings: {
    method: 'GET',
    path: '/api/admin/widget-settings',
    access: 'admin',
    summary: '访客端设置 as stored',
    response: WidgetSettingsSchema,
  },
  updateWidgetSettings: {
    method: 'PATCH',
    path: '/api/admin/widget-settings',
    access: 'admin',
    summary: 'Change 访客端设置 (open widgets follow at once)',
    body: WidgetSettingsPatchSchema,
    response: WidgetSettingsSchema,
  },
  uploadWidgetLogo: {
    method: 'POST',
    path: '/api/admin/widget-settings/logo',
    access: 'admin',
    summary: "Upload the widget's logo (PNG, JPEG, GIF or WebP by its bytes; base64) and use it",
    body: WidgetLogoUploadSchema,
    response: WidgetSettingsSchema,
  },
  visitorPrechat: {
    method: 'POST',
    path: '/api/visitor/prechat',
    access: 'visitor',
    summary: '访客注册 answers and the chosen 技能组, before a chat (required fields are checked here and again at the start)',
    body: PrechatBodySchema,
    response: z.object({ groupId: Id.nullable(), name: z.string(), phone: z.string(), email: z.string() }),
  },
} as const satisfies Record<string, RouteDef>;
