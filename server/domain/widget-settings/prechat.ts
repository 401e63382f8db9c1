/**
 * 访客注册 and the 技能组 menu before a chat: the visitor's answers go onto their profile (the
 * agent's 顾客信息 shows them), the chosen group becomes where their next chat is routed. The
 * company's required fields are checked when the answers arrive and again when a chat starts, so a
 * widget that skips the form (an old one, a script) cannot start without them.
 */
import { REGISTRATION_FIELDS, type PrechatBody, type RegistrationField } from '../../../shared/widget-settings.js';
import type { DomainContext, Principal } from '../context.js';
import { requireVisitor } from '../access.js';
import { refuse } from '../errors.js';
import { putProfileFields } from '../customers/profile.js';
import { customerChanged } from '../customers/notify.js';
import { readWidgetSettings } from './settings.js';

/** The name a visitor has before they give one (visitors.ts). */
const UNNAMED = '访客';

export interface PrechatAnswers {
  groupId: string | null;
  name: string;
  phone: string;
  email: string;
}

function storedAnswers(ctx: DomainContext, visitorId: string): PrechatAnswers {
  const visitor = ctx.store.visitors.byId(visitorId)!;
  const profile = ctx.store.visitorProfiles.byVisitor(visitorId);
  return { groupId: visitor.prefGroupId, name: visitor.name === UNNAMED ? '' : visitor.name, phone: profile?.phone ?? '', email: profile?.email ?? '' };
}

/** The required fields neither given now nor stored before, as `details` of the refusal. */
function missingRequired(
  ctx: DomainContext,
  given: Partial<Record<RegistrationField, string>>,
  stored: PrechatAnswers,
  prefix: string,
): Record<string, string> {
  const registration = readWidgetSettings(ctx).registration;
  const missing = REGISTRATION_FIELDS.filter((field) => registration[field] === 'required' && !given[field] && !stored[field]);
  return Object.fromEntries(missing.map((field) => [`${prefix}${field}`, 'required']));
}

/** A group from the menu, or the one the visitor's link named (`?group=`); nothing else. */
function refuseGroupOutsideMenu(ctx: DomainContext, groupId: string, linked: string | null): void {
  if (!ctx.store.groups.byId(groupId)) refuse('VALIDATION_FAILED', 'Unknown group', { 'body.groupId': 'unknown group' });
  const menu = readWidgetSettings(ctx).groupMenu;
  const offered = menu.enabled && menu.items.some((item) => item.groupId === groupId);
  if (!offered && groupId !== linked) refuse('VALIDATION_FAILED', 'This group is not offered to visitors', { 'body.groupId': 'not in the menu' });
}

export function submitPrechat(ctx: DomainContext, principal: Principal, body: PrechatBody): PrechatAnswers {
  const { visitor } = requireVisitor(principal);
  const before = storedAnswers(ctx, visitor.id);
  if (body.groupId) refuseGroupOutsideMenu(ctx, body.groupId, before.groupId);
  const missing = missingRequired(ctx, body, before, 'body.');
  if (Object.keys(missing).length > 0) refuse('REGISTRATION_REQUIRED', 'Please fill in the required fields', missing);
  // Fields the company does not ask for are not stored, whatever a client sends.
  const asked = readWidgetSettings(ctx).registration;
  const value = (field: RegistrationField) => (asked[field] === 'off' ? undefined : body[field]);
  const name = value('name');
  ctx.store.transaction(() => {
    const patch = { ...(name ? { name } : {}), ...(body.groupId ? { prefGroupId: body.groupId } : {}) };
    if (Object.keys(patch).length > 0) ctx.store.visitors.update(visitor.id, patch);
    const contact = { phone: value('phone'), email: value('email') };
    if (contact.phone !== undefined || contact.email !== undefined) putProfileFields(ctx, visitor.id, name || before.name || UNNAMED, contact);
  });
  customerChanged(ctx, visitor.id);
  return storedAnswers(ctx, visitor.id);
}

/** Before a new chat: the required 访客注册 fields must be on the profile. An open chat goes on whatever the settings say. */
export function refuseIncompleteRegistration(ctx: DomainContext, principal: Principal): void {
  const { visitor } = requireVisitor(principal);
  if (ctx.store.conversations.openForVisitor(visitor.id)) return;
  const missing = missingRequired(ctx, {}, storedAnswers(ctx, visitor.id), '');
  if (Object.keys(missing).length > 0) refuse('REGISTRATION_REQUIRED', 'Please fill in the required fields before the chat starts', missing);
}
