/** 话后处理 codes: a short admin-managed list the agent picks from after a call. */
import { uuidv7 } from '../../../shared/index.js';
import type { WrapUpCode } from '../../../shared/phone.js';
import type { WrapUpCodeRow } from '../../store/phone-types.js';
import type { DomainContext } from '../context.js';
import { refuse } from '../errors.js';

const toCode = (row: WrapUpCodeRow): WrapUpCode => ({ id: row.id, name: row.name, enabled: row.enabled });

export function listWrapUpCodes(ctx: DomainContext): WrapUpCode[] {
  return ctx.store.wrapUpCodes.list().map(toCode);
}

export function createWrapUpCode(ctx: DomainContext, name: string): WrapUpCode {
  return ctx.store.transaction(() => {
    if (ctx.store.wrapUpCodes.byName(name)) refuse('CONFLICT', 'This wrap-up code already exists', { name: 'taken' });
    const now = ctx.clock();
    const row: WrapUpCodeRow = { id: uuidv7(now), name, enabled: true, createdAt: now };
    ctx.store.wrapUpCodes.insert(row);
    return toCode(row);
  });
}
