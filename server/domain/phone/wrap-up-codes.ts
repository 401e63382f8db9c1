/**
 * 话后处理 codes: a short admin-managed list the agent picks from after a call. A disabled code is
 * no longer offered (the workstation shows enabled ones only) but stays valid on the calls that
 * have it, and a call finished before it was disabled still syncs with it.
 */
import { uuidv7 } from '../../../shared/index.js';
import type { WrapUpCode } from '../../../shared/phone.js';
import type { WrapUpCodeRow } from '../../store/phone-types.js';
import type { DomainContext } from '../context.js';
import { refuse } from '../errors.js';
import { recordAudit, type Actor } from '../admin/audit.js';

const toCode = (row: WrapUpCodeRow): WrapUpCode => ({ id: row.id, name: row.name, enabled: row.enabled });

export function listWrapUpCodes(ctx: DomainContext): WrapUpCode[] {
  return ctx.store.wrapUpCodes.list().map(toCode);
}

function refuseTakenName(ctx: DomainContext, name: string, id: string | null): void {
  const same = ctx.store.wrapUpCodes.byName(name);
  if (same && same.id !== id) refuse('CONFLICT', 'This wrap-up code already exists', { name: 'taken' });
}

export function createWrapUpCode(ctx: DomainContext, actor: Actor, name: string): WrapUpCode {
  return ctx.store.transaction(() => {
    refuseTakenName(ctx, name, null);
    const now = ctx.clock();
    const row: WrapUpCodeRow = { id: uuidv7(now), name, enabled: true, createdAt: now };
    ctx.store.wrapUpCodes.insert(row);
    recordAudit(ctx, actor, 'wrapUpCode.create', { type: 'wrapUpCode', id: row.id }, null, { name, enabled: true });
    return toCode(row);
  });
}

export function updateWrapUpCode(ctx: DomainContext, actor: Actor, id: string, patch: { name?: string; enabled?: boolean }): WrapUpCode {
  return ctx.store.transaction(() => {
    const before = ctx.store.wrapUpCodes.byId(id) ?? refuse('NOT_FOUND', 'No such wrap-up code');
    if (patch.name !== undefined) refuseTakenName(ctx, patch.name, id);
    ctx.store.wrapUpCodes.update(id, patch);
    const after = ctx.store.wrapUpCodes.byId(id)!;
    recordAudit(
      ctx,
      actor,
      'wrapUpCode.update',
      { type: 'wrapUpCode', id },
      { name: before.name, enabled: before.enabled },
      { name: after.name, enabled: after.enabled },
    );
    return toCode(after);
  });
}
