/**
 * Repository interfaces of the softphone (issue 3): SIP accounts, wrap-up codes, call log and
 * customers. Like ./types.ts they are synchronous and SQL-free, so another store can implement them.
 */
import type { CallResult } from '../../shared/phone.js';

export interface IceServerRow {
  urls: string | string[];
  username?: string;
  credential?: string;
}

export interface SipAccountRow {
  agentId: string;
  enabled: boolean;
  wsServer: string;
  uri: string;
  authUser: string;
  password: string;
  displayName: string;
  iceServers: IceServerRow[];
  updatedAt: number;
}

export interface SipAccountRepository {
  forAgent(agentId: string): SipAccountRow | undefined;
  /** Insert or replace the agent's account. */
  put(row: SipAccountRow): void;
}

export interface WrapUpCodeRow {
  id: string;
  name: string;
  enabled: boolean;
  createdAt: number;
}

export interface WrapUpCodeRepository {
  list(): WrapUpCodeRow[];
  byId(id: string): WrapUpCodeRow | undefined;
  byName(name: string): WrapUpCodeRow | undefined;
  insert(row: WrapUpCodeRow): void;
  update(id: string, patch: Partial<Pick<WrapUpCodeRow, 'name' | 'enabled'>>): void;
}

export interface CallRow {
  id: string;
  agentId: string;
  direction: 'inbound' | 'outbound';
  remoteNumber: string;
  /** remoteNumber normalised (see server/domain/phone/numbers.ts). */
  remoteKey: string;
  localUri: string;
  startedAt: number;
  answeredAt: number | null;
  endedAt: number;
  durationSeconds: number;
  result: CallResult;
  wrapUpCodeId: string | null;
  note: string;
  customerId: string | null;
  syncedAt: number;
}

export interface CallFilter {
  /** Only this agent's calls; undefined = everyone's. */
  agentId?: string;
  missedOnly?: boolean;
  remoteKey?: string;
  limit: number;
}

export interface CallRepository {
  byId(id: string): CallRow | undefined;
  insert(row: CallRow): void;
  /** Replaces every field but id and agent (a re-sync after wrap-up adds the code and note). */
  replace(row: CallRow): void;
  /** Newest first. */
  list(filter: CallFilter): CallRow[];
}

export interface CustomerRow {
  id: string;
  name: string;
  phone: string;
  phoneKey: string;
  email: string;
  note: string;
  createdAt: number;
}

export interface CustomerRepository {
  byId(id: string): CustomerRow | undefined;
  byPhoneKey(phoneKey: string): CustomerRow | undefined;
  insert(row: CustomerRow): void;
  /** Visitors whose offline message (留言) left this phone as the contact. */
  visitorIdsByContactKey(phoneKey: string): string[];
}

export interface PhoneRepositories {
  sipAccounts: SipAccountRepository;
  wrapUpCodes: WrapUpCodeRepository;
  calls: CallRepository;
  customers: CustomerRepository;
}
