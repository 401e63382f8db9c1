/**
 * PostgreSQL advisory lock keys of the store, in one place so no two uses collide. Advisory locks
 * are the server's own locks on a number: held by a session or a transaction, waited for by
 * every other connection of every node.
 */
export const LOCK_KEYS = {
  /**
   * Taken by every write transaction right after BEGIN and held to its COMMIT: transactions of
   * all nodes commit one after another, so event seqs become visible in seq order (an identity
   * column alone is not commit-ordered) and a check-then-write never races another node's.
   */
  writes: 7_370_001,
  /** Held while the schema is brought up to date: nodes starting together migrate once. */
  migrations: 7_370_002,
} as const;
