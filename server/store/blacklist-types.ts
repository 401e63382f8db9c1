/** The blacklist's rows (migration 012): listed visitors, addresses and phone numbers. */
export type BlacklistKindRow = 'visitor' | 'ip' | 'phone';

export interface BlacklistRow {
  id: string;
  kind: BlacklistKindRow;
  /** A visitor id, a canonical IP or CIDR range (shared/ip-range.ts), or a phoneKey. */
  value: string;
  /** For a visitor: their name when listed. */
  label: string | null;
  reason: string;
  createdAt: number;
  /** Epoch ms after which the entry no longer blocks; null: until removed. */
  expiresAt: number | null;
  createdById: string;
  createdByAccount: string;
}

export interface BlacklistFilter {
  kind?: BlacklistKindRow;
  /** Part of the value, label or reason, case-insensitive. */
  q?: string;
  /** 'active': not expired at `now`; 'expired': expired by then; 'all'. */
  state: 'active' | 'expired' | 'all';
  now: number;
  limit: number;
}

export interface BlacklistRepository {
  insert(row: BlacklistRow): void;
  byId(id: string): BlacklistRow | undefined;
  delete(id: string): boolean;
  /** Newest first. */
  list(filter: BlacklistFilter): BlacklistRow[];
  /** The entries of this kind and value that still block at `now` (newest first). */
  activeFor(kind: BlacklistKindRow, value: string, now: number): BlacklistRow[];
  /** Which of these visitor ids are listed and still blocked at `now`. */
  blockedVisitors(visitorIds: readonly string[], now: number): Set<string>;
  /** Every address entry that still blocks at `now`: matched in code (CIDR arithmetic is not SQL's). */
  activeIpEntries(now: number): BlacklistRow[];
}

export interface BlacklistRepositories {
  blacklist: BlacklistRepository;
}
