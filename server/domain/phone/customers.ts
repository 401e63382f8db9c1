/** Customers found by phone number, and the screen pop card (客户资料自动弹出). */
import { uuidv7 } from '../../../shared/index.js';
import type { Customer, CustomerCard } from '../../../shared/phone.js';
import type { ConversationRow } from '../../store/types.js';
import type { CustomerRow } from '../../store/phone-types.js';
import type { DomainContext } from '../context.js';
import { toConversation } from '../dto.js';
import { refuse } from '../errors.js';
import { toStoredCall } from './calls.js';
import { phoneKey } from './numbers.js';

const CARD_CALLS = 10;
const CARD_CONVERSATIONS = 10;

const toCustomer = (row: CustomerRow): Customer => ({
  id: row.id,
  name: row.name,
  phone: row.phone,
  email: row.email,
  note: row.note,
  createdAt: row.createdAt,
});

export function createCustomer(ctx: DomainContext, input: { name: string; phone: string; email: string; note: string }): Customer {
  return ctx.store.transaction(() => {
    const key = phoneKey(input.phone);
    if (ctx.store.customers.byPhoneKey(key)) refuse('CONFLICT', 'A customer with this phone number already exists', { phone: 'taken' });
    const now = ctx.clock();
    const row: CustomerRow = {
      id: uuidv7(now),
      name: input.name,
      phone: input.phone.trim(),
      phoneKey: key,
      email: input.email,
      note: input.note,
      createdAt: now,
    };
    ctx.store.customers.insert(row);
    return toCustomer(row);
  });
}

export function getCustomer(ctx: DomainContext, id: string): Customer {
  const row = ctx.store.customers.byId(id);
  if (!row) return refuse('NOT_FOUND', 'No such customer');
  return toCustomer(row);
}

/**
 * The card for a ringing number. The customer's history belongs to the company, not to one agent,
 * so it shows every agent's calls with this number. Earlier chats are found, best effort, through
 * offline messages (留言) whose contact is this number: chat visitors are anonymous otherwise.
 */
export function lookupCustomer(ctx: DomainContext, number: string): CustomerCard {
  const key = phoneKey(number);
  const customer = ctx.store.customers.byPhoneKey(key);
  const recentCalls = ctx.store.calls.list({ remoteKey: key, limit: CARD_CALLS }).map((row) => toStoredCall(ctx, row));
  // Visitors are found by the contact of their offline messages and, since 顾客信息, by the phone an agent set on their profile.
  const visitorIds = new Set([...ctx.store.customers.visitorIdsByContactKey(key), ...ctx.store.visitorProfiles.visitorIdsByPhoneKey(key, 20)]);
  const conversations: ConversationRow[] = [...visitorIds].flatMap((visitorId) => ctx.store.conversations.list({ visitorId, limit: CARD_CONVERSATIONS }));
  conversations.sort((a, b) => b.createdAt - a.createdAt);
  return {
    customer: customer ? toCustomer(customer) : null,
    number: number.trim(),
    recentCalls,
    recentConversations: conversations.slice(0, CARD_CONVERSATIONS).map((row) => toConversation(ctx, row)),
  };
}
