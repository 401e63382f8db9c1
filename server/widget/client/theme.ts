/**
 * The company's colours on the widget, as CSS variables over styles.css's defaults. The server
 * sends the theme colour with the text colour that reads on it and a shade that reads as text on
 * white (shared/widget-settings.ts computes both), so no choice of colour makes a label vanish.
 */
import { darken, mix, readableTextOn, type WidgetConfig } from '../../../shared/widget-settings.js';

/** Not yet stored: the theme colour greyed, so a pending message looks unlike a sent one. */
const PENDING_GREY = '#8c8c8c';

export function themeVariables(config: Pick<WidgetConfig, 'themeColor' | 'themeTextColor' | 'themeAccentColor'>): Record<string, string> {
  const pending = mix(config.themeColor, PENDING_GREY, 0.45);
  return {
    '--primary': config.themeColor,
    '--primary-dark': darken(config.themeColor, 0.12),
    '--on-primary': config.themeTextColor,
    '--primary-text': config.themeAccentColor,
    '--visitor-bubble': config.themeColor,
    '--visitor-bubble-pending': pending,
    '--on-visitor-bubble-pending': readableTextOn(pending),
  };
}

export function applyTheme(config: WidgetConfig, root: HTMLElement = document.documentElement): void {
  for (const [name, value] of Object.entries(themeVariables(config))) root.style.setProperty(name, value);
}
