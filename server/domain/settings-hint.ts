/**
 * The `settings.changed` hint to every staff member: written to the event log inside the same
 * transaction as a change of 公司设置 or of the company auto-reply, so every open workstation
 * re-reads them now and one that was offline does on replay (nothing needs a reload). A save that
 * changed nothing writes nothing.
 */
import { audience } from '../store/types.js';
import type { DomainContext } from './context.js';

export function emitSettingsChanged(ctx: DomainContext, before: unknown, after: unknown): void {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  ctx.store.events.append({ type: 'settings.changed' }, [audience.staff], ctx.clock());
}
