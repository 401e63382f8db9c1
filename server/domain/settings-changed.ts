/**
 * Tells whoever listens that the company settings changed (after the commit). The domain knows
 * only this function; the realtime hub listens, so widgets open right now learn of new 工作时间,
 * 访客端设置 or visitor rules at once (ephemeral `business-hours` / `widget-config` / `visitor-rules`
 * frames, realtime/business-hours-push.ts) instead of at their next reload.
 */
import type { DomainContext } from './context.js';

export type SettingsChanged = () => void;

const listeners = new WeakMap<DomainContext, SettingsChanged>();

export function onSettingsChanged(ctx: DomainContext, listener: SettingsChanged): void {
  listeners.set(ctx, listener);
}

export function settingsChanged(ctx: DomainContext): void {
  listeners.get(ctx)?.();
}
