import { useMemo } from 'react';
import { useApi } from '../api/ApiContext.js';
import { useRemote } from '../api/useRemote.js';
import type { PhraseCategory } from '../../shared/phrases.js';

/**
 * The public phrases and their categories (the categories are shared with 常用文件). listPhrases
 * also answers the admin's own personal ones: the console shows the company's only.
 */
export function usePublicPhrases() {
  const api = useApi();
  const remote = useRemote(() => api.call('listPhrases'), 'phrases');
  const categories = useMemo<PhraseCategory[]>(
    () => (remote.data?.categories ?? []).filter((c) => c.scope === 'public').sort((a, b) => a.sortOrder - b.sortOrder || a.updatedAt - b.updatedAt),
    [remote.data],
  );
  const phrases = useMemo(() => (remote.data?.phrases ?? []).filter((p) => p.scope === 'public'), [remote.data]);
  return { ...remote, categories, phrases };
}
