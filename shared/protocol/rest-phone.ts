/** REST routes of the softphone (issue 3): SIP settings, wrap-up codes, call log, customers. */
import { z } from 'zod';
import {
  CallRecordSchema,
  CustomerCardSchema,
  CustomerSchema,
  NewCustomerBodySchema,
  PhoneNumberSchema,
  SipSettingsSchema,
  StoredCallSchema,
  WrapUpCodeSchema,
} from '../phone.js';
import { nameField } from '../domain.js';
import { queryInt } from '../query-number.js';
import { LIMITS } from '../limits.js';
import { IdParams } from './rest-common.js';
import type { RouteDef } from './rest.js';

export const phoneRoutes = {
  mySipSettings: {
    method: 'GET',
    path: '/api/me/sip',
    access: 'staff',
    summary: "The logged-in agent's SIP account (with its password, for this agent only)",
    response: SipSettingsSchema.nullable(),
  },
  getAgentSipSettings: {
    method: 'GET',
    path: '/api/admin/agents/:id/sip',
    access: 'admin',
    summary: "An agent's SIP account without its password (null: none set)",
    params: IdParams,
    response: SipSettingsSchema.omit({ password: true }).nullable(),
  },
  setSipSettings: {
    method: 'PUT',
    path: '/api/admin/agents/:id/sip',
    access: 'admin',
    summary: "Set an agent's SIP account (password omitted: keep the current one)",
    params: IdParams,
    body: SipSettingsSchema.extend({ password: SipSettingsSchema.shape.password.optional() }),
    response: SipSettingsSchema.omit({ password: true }),
  },
  listWrapUpCodes: { method: 'GET', path: '/api/wrap-up-codes', access: 'staff', summary: '话后处理 codes', response: z.array(WrapUpCodeSchema) },
  createWrapUpCode: {
    method: 'POST',
    path: '/api/admin/wrap-up-codes',
    access: 'admin',
    summary: 'Add a wrap-up code',
    body: z.strictObject({ name: nameField(LIMITS.nameMax) }),
    response: WrapUpCodeSchema,
  },
  updateWrapUpCode: {
    method: 'PATCH',
    path: '/api/admin/wrap-up-codes/:id',
    access: 'admin',
    summary: 'Rename a wrap-up code or disable it (no longer offered after a call; calls that have it keep it)',
    params: IdParams,
    body: z
      .strictObject({ name: nameField(LIMITS.nameMax).optional(), enabled: z.boolean().optional() })
      .refine((patch) => patch.name !== undefined || patch.enabled !== undefined, 'change the name or enabled'),
    response: WrapUpCodeSchema,
  },
  syncCall: {
    method: 'POST',
    path: '/api/calls',
    access: 'staff',
    summary: 'Store a call record from the workstation; idempotent on its id',
    body: CallRecordSchema,
    response: StoredCallSchema,
  },
  listCalls: {
    method: 'GET',
    path: '/api/calls',
    access: 'staff',
    summary: 'Call log (agents: their own; admins: all); missed=true for 未接来电',
    query: z.strictObject({ missed: z.enum(['true', 'false']).optional(), number: z.string().max(64).optional(), limit: queryInt(1, 500).prefault(100) }),
    response: z.array(StoredCallSchema),
  },
  lookupCustomer: {
    method: 'GET',
    path: '/api/customers/lookup',
    access: 'staff',
    summary: 'Screen pop: the customer with this number and their history',
    query: z.strictObject({ number: PhoneNumberSchema }),
    response: CustomerCardSchema,
  },
  createCustomer: {
    method: 'POST',
    path: '/api/customers',
    access: 'staff',
    summary: 'Create a customer record (e.g. for an unknown caller)',
    body: NewCustomerBodySchema,
    response: CustomerSchema,
  },
  getCustomer: { method: 'GET', path: '/api/customers/:id', access: 'staff', summary: 'One customer', params: IdParams, response: CustomerSchema },
} as const satisfies Record<string, RouteDef>;
