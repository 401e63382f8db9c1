/** 顾客信息: a visitor's profile with their trail, as agents read and edit it. */
import { uuidv7 } from '../../../shared/ids.js';
import { LIMITS } from '../../../shared/limits.js';
import type { CustomerProfile, CustomerProfilePatch, PageView } from '../../../shared/customers.js';
import type { PageViewRow, VisitorProfileRow } from '../../store/customer-types.js';
import type { DomainContext, Principal } from '../context.js';
import { phoneKey } from '../phone/numbers.js';
import { servedVisitor } from './access.js';
import { customerChanged } from './notify.js';

export const toPageView = (row: PageViewRow): PageView => ({
  id: row.id,
  url: row.url,
  title: row.title,
  referrer: row.referrer,
  enteredAt: row.enteredAt,
  leftAt: row.leftAt,
  dwellMs: row.leftAt === null ? null : Math.max(0, row.leftAt - row.enteredAt),
});

export function emptyProfile(visitorId: string, now: number): VisitorProfileRow {
  return {
    visitorId,
    userAgent: '',
    browser: '',
    os: '',
    region: '',
    firstReferrer: '',
    landingPage: '',
    searchEngine: '',
    searchKeyword: '',
    campaign: { source: '', medium: '', name: '', term: '', content: '' },
    tags: [],
    phone: '',
    phoneKey: '',
    email: '',
    customerId: null,
    updatedAt: now,
  };
}

/** The profile as agents see it; a visitor who never reported a page has an empty one. */
export function profileOf(ctx: DomainContext, visitorId: string): CustomerProfile {
  const visitor = ctx.store.visitors.byId(visitorId)!;
  const row = ctx.store.visitorProfiles.byVisitor(visitorId) ?? emptyProfile(visitorId, visitor.createdAt);
  const trail = ctx.store.pageViews.forVisitor(visitorId, LIMITS.trailShownMax).map(toPageView);
  return {
    visitorId,
    nickname: visitor.name,
    region: row.region,
    browser: row.browser,
    os: row.os,
    firstReferrer: row.firstReferrer,
    landingPage: row.landingPage,
    searchEngine: row.searchEngine,
    searchKeyword: row.searchKeyword,
    campaign: row.campaign,
    currentPage: trail[0] ?? null,
    trail,
    tags: row.tags,
    phone: row.phone,
    email: row.email,
    customerId: row.customerId,
    updatedAt: row.updatedAt,
  };
}

export function readProfile(ctx: DomainContext, principal: Principal, visitorId: string): CustomerProfile {
  servedVisitor(ctx, principal, visitorId);
  return profileOf(ctx, visitorId);
}

/**
 * The phone links the chat visitor to the phone side's customer (客户资料, 002_phone.sql): the
 * customer with the same phone key is found or created, so a call from that number pops a card
 * that also lists this visitor's chats (phone/customers.ts reads visitor_profiles.phone_key).
 */
function linkCustomer(ctx: DomainContext, row: VisitorProfileRow, nickname: string): Pick<VisitorProfileRow, 'phoneKey' | 'customerId'> {
  if (!row.phone) return { phoneKey: '', customerId: null };
  const key = phoneKey(row.phone);
  const existing = ctx.store.customers.byPhoneKey(key);
  if (existing) return { phoneKey: key, customerId: existing.id };
  const now = ctx.clock();
  const id = uuidv7(now);
  ctx.store.customers.insert({ id, name: nickname, phone: row.phone, phoneKey: key, email: row.email, note: '', createdAt: now });
  return { phoneKey: key, customerId: id };
}

/**
 * Writes tags, phone and e-mail onto the profile, linking the phone customer when the phone
 * changed. Inside the caller's transaction: an agent's edit here, the visitor's 访客注册 answers
 * (widget-settings/prechat.ts) there.
 */
export function putProfileFields(ctx: DomainContext, visitorId: string, nickname: string, patch: Partial<CustomerProfilePatch>): void {
  const now = ctx.clock();
  const current = ctx.store.visitorProfiles.byVisitor(visitorId) ?? emptyProfile(visitorId, now);
  const next: VisitorProfileRow = {
    ...current,
    ...(patch.tags !== undefined ? { tags: patch.tags } : {}),
    ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
    ...(patch.email !== undefined ? { email: patch.email } : {}),
    updatedAt: now,
  };
  const phoneChanged = patch.phone !== undefined && patch.phone !== current.phone;
  ctx.store.visitorProfiles.put(phoneChanged ? { ...next, ...linkCustomer(ctx, next, nickname) } : next);
}

export function updateProfile(ctx: DomainContext, principal: Principal, visitorId: string, patch: CustomerProfilePatch): CustomerProfile {
  const visitor = servedVisitor(ctx, principal, visitorId);
  ctx.store.transaction(() => putProfileFields(ctx, visitorId, visitor.name, patch));
  customerChanged(ctx, visitorId);
  return profileOf(ctx, visitorId);
}
