/**
 * 访客端设置 in the widget: loaded over REST before the first screen (so it already wears the
 * company's colours), then kept current by the `widget-config` frames the server pushes on every
 * connect and whenever an admin saves (server/realtime/business-hours-push.ts).
 */
import { DEFAULT_WIDGET_SETTINGS, widgetConfigOf, type WidgetConfig } from '../../../shared/widget-settings.js';
import type { WidgetApi } from './api.js';

export class WidgetLook {
  /** Today's widget until the server says otherwise (blue, no menu, nickname optional). */
  config: WidgetConfig = widgetConfigOf(DEFAULT_WIDGET_SETTINGS, () => undefined);
  /** Settles once the REST answer is in (or failed: the defaults stay and a frame may still come). */
  ready: Promise<void> = Promise.resolve();
  private framed = false;

  constructor(private readonly apply: (config: WidgetConfig) => void) {}

  load(api: WidgetApi): void {
    this.ready = api.call('getWidgetConfig').then((result) => {
      // A frame that arrived first is as new or newer than this answer.
      if (result.ok && !this.framed) this.set(result.value);
    });
  }

  /** A pushed `widget-config` frame. */
  frame(config: WidgetConfig): void {
    this.framed = true;
    this.set(config);
  }

  private set(config: WidgetConfig): void {
    this.config = config;
    this.apply(config);
  }
}
