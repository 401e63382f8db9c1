import { useMemo } from 'react';
import { useApi } from '../api/ApiContext.js';
import { useRemote } from '../api/useRemote.js';
import type { PhraseCategory } from '../../shared/phrases.js';
import { scopeQuery, type ContentScope } from './content-scope.js';

/**
 * The phrases and categories of one scope — the company's or one group's (the categories are
 * shared with 常用文件). adminListPhrases never answers personal ones; the scope is the filter.
 */
export function useScopedPhrases(scope: ContentScope) {
  const api = useApi();
  const query = scopeQuery(scope);
  const remote = useRemote(() => api.call('adminListPhrases', { query }), `phrases:${JSON.stringify(query)}`);
  const categories = useMemo<PhraseCategory[]>(
    () => [...(remote.data?.categories ?? [])].sort((a, b) => a.sortOrder - b.sortOrder || a.updatedAt - b.updatedAt),
    [remote.data],
  );
  const phrases = useMemo(() => remote.data?.phrases ?? [], [remote.data]);
  return { ...remote, categories, phrases };
}
