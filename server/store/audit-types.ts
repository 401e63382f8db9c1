/** The audit log's rows (migration 011): one per console change. */
export interface AuditRow {
  id: string;
  at: number;
  actorId: string;
  actorAccount: string;
  action: string;
  targetType: string;
  targetId: string | null;
  beforeJson: string | null;
  afterJson: string | null;
  /** Insertion order (the rowid on both engines); read back, never written. */
  position?: number;
}

export interface AuditFilter {
  actorId?: string;
  action?: string;
  targetId?: string;
  /** Epoch ms, inclusive. */
  from?: number;
  /** Epoch ms, exclusive. */
  to?: number;
  /** Entries older than this one (newest first paging). */
  before?: { at: number; position: number };
  limit: number;
}

export interface AuditRepository {
  insert(row: AuditRow): void;
  byId(id: string): AuditRow | undefined;
  /** Newest first. */
  page(filter: AuditFilter): AuditRow[];
}

export interface AuditRepositories {
  audit: AuditRepository;
}
