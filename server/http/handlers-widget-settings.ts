/** Route name → domain call for 访客端设置 and the visitor's pre-chat answers (shared/protocol/rest-widget-settings.ts). */
import type { widgetSettingsRoutes } from '../../shared/protocol/rest-widget-settings.js';
import type { DomainContext } from '../domain/context.js';
import { refuseIfBlocked } from '../domain/blacklist/enforcement.js';
import { readWidgetLogo, uploadWidgetLogo } from '../domain/widget-settings/logo.js';
import { submitPrechat } from '../domain/widget-settings/prechat.js';
import { adminWidgetSettings, updateWidgetSettings, widgetConfig } from '../domain/widget-settings/settings.js';
import type { Handlers } from './register-routes.js';

export function createWidgetSettingsHandlers(ctx: DomainContext): Pick<Handlers, keyof typeof widgetSettingsRoutes> {
  return {
    getWidgetConfig: ({ reply }) => {
      // widget.js reads it from the company's site (the launcher's corner and colours): public, no credentials.
      reply.header('Access-Control-Allow-Origin', '*');
      return widgetConfig(ctx);
    },
    getWidgetLogo: ({ params, reply }) => {
      const { mime, bytes } = readWidgetLogo(ctx, params.id);
      // An image, never a page; a new logo gets a new id, so the old URL may be cached for good.
      reply.header('Content-Type', mime);
      reply.header('X-Content-Type-Options', 'nosniff');
      reply.header('Content-Security-Policy', "sandbox; default-src 'none'");
      reply.header('Cache-Control', 'public, max-age=31536000, immutable');
      return reply.send(bytes);
    },
    adminGetWidgetSettings: () => adminWidgetSettings(ctx),
    updateWidgetSettings: ({ principal, body }) => updateWidgetSettings(ctx, principal.agent, body),
    uploadWidgetLogo: ({ principal, body }) => uploadWidgetLogo(ctx, principal.agent, body),
    visitorPrechat: ({ principal, body, request }) => {
      refuseIfBlocked(ctx, principal, request.ip);
      return submitPrechat(ctx, principal, body);
    },
  };
}
