/** Repository interface of the login guard's counters (brute-force lockout): SQL-free, so another store can implement it. */

/** Failed logins of one account name (existing or not) within the current window, and its lock. */
export interface LoginGuardRow {
  /** The account name as typed at login. */
  account: string;
  /** Attempts counted in the window (each counted when it starts; a success deletes the row). */
  failures: number;
  windowStartedAt: number;
  /** Epoch ms until which every login to this account is refused; null = not locked. */
  lockedUntil: number | null;
  /** When the row means nothing any more (window and lock both over): prunable from then on. */
  expiresAt: number;
}

export interface LoginGuardRepository {
  byAccount(account: string): LoginGuardRow | undefined;
  /** Insert or replace the row of row.account. */
  put(row: LoginGuardRow): void;
  remove(account: string): void;
  /** Rows locked at `now` whose account is an existing agent, oldest lock first. */
  lockedAgentRows(now: number): LoginGuardRow[];
  /** Deletes at most `limit` rows that expired at or before `now`; returns how many it deleted. */
  pruneExpired(now: number, limit: number): number;
}

export interface LoginGuardRepositories {
  loginGuard: LoginGuardRepository;
}
