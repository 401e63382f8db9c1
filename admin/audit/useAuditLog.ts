import { useCallback, useEffect, useRef, useState } from 'react';
import type { AdminApi } from '../api/admin-api.js';
import type { AppError } from '../../shared/errors.js';
import type { AuditAction, AuditEntry } from '../../shared/protocol/rest-admin.js';

export interface AuditFilters {
  action?: AuditAction;
  actorId?: string;
  /** Epoch ms, inclusive / exclusive. */
  from?: number;
  to?: number;
}

const PAGE_SIZE = 100;

/**
 * The audit log as loaded so far, newest first: a change of filters starts again from the newest,
 * 加载更多 asks for the page before the last entry shown. An answer for old filters is dropped.
 */
export function useAuditLog(api: AdminApi, filters: AuditFilters) {
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<AppError | null>(null);
  const generation = useRef(0);
  const key = JSON.stringify(filters);

  const load = useCallback(
    async (before: string | undefined, current: number) => {
      setLoading(true);
      const result = await api.call('listAudit', { query: { ...(JSON.parse(key) as AuditFilters), before, limit: PAGE_SIZE } });
      if (current !== generation.current) return;
      setLoading(false);
      if (!result.ok) return setError(result.error);
      setError(null);
      setEntries((shown) => (before ? [...shown, ...result.value.entries] : result.value.entries));
      setHasMore(result.value.hasMore);
    },
    [api, key],
  );

  useEffect(() => {
    const current = ++generation.current;
    setEntries([]);
    void load(undefined, current);
  }, [load]);

  const loadMore = () => void load(entries.at(-1)?.id, generation.current);
  const reload = () => void load(undefined, ++generation.current);
  return { entries, hasMore, loading, error, loadMore, reload };
}
