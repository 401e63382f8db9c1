/**
 * The launcher on the company's site wears the widget's settings too: its corner (右下/左下) and
 * colours. widget.js reads them from the public config at load, and the open chat window tells it
 * of a change (postMessage) so a saved setting moves the launcher live. Bundled into widget.js,
 * so it checks the shape by hand instead of importing the schemas.
 */
export const LOOK_MESSAGE = 'kefu-widget:look';

export interface LauncherLook {
  position: 'bottom-right' | 'bottom-left';
  color: string;
  textColor: string;
}

const HEX = /^#[0-9a-fA-F]{6}$/;

/** The look from the config or a LOOK_MESSAGE, or null when it is not one. */
export function parseLook(data: unknown): LauncherLook | null {
  if (typeof data !== 'object' || data === null) return null;
  const { position, themeColor, themeTextColor } = data as Record<string, unknown>;
  if (position !== 'bottom-right' && position !== 'bottom-left') return null;
  if (typeof themeColor !== 'string' || !HEX.test(themeColor) || typeof themeTextColor !== 'string' || !HEX.test(themeTextColor)) return null;
  return { position, color: themeColor, textColor: themeTextColor };
}

/** Puts the launcher and its window in the chosen corner, in the chosen colours. */
export function applyLook(look: LauncherLook, button: HTMLElement, frame: HTMLElement | null): void {
  const [near, far] = look.position === 'bottom-left' ? (['left', 'right'] as const) : (['right', 'left'] as const);
  for (const element of [button, frame]) {
    if (!element) continue;
    element.style[near] = '20px';
    element.style[far] = 'auto';
  }
  button.style.background = look.color;
  button.style.color = look.textColor;
}
