/**
 * Which content a console page shows and adds to (issue 13): the company's (公共) or one skill
 * group's (技能组). An admin picks either; a 组长 only their own group (the server checks it too).
 */
import { useEffect, useState } from 'react';
import { useApi } from '../api/ApiContext.js';
import { useRemote } from '../api/useRemote.js';
import { useSessionStore } from '../session/sessionStore.js';

/** 'public', or the id of a skill group. */
export type ContentScope = 'public' | { groupId: string };

export const PUBLIC_SCOPE = 'public';

/** The list filter of the console routes (adminListPhrases, listKnowledgeEntries, …). */
export const scopeQuery = (scope: ContentScope) => (scope === PUBLIC_SCOPE ? { scope: 'public' as const } : { groupId: scope.groupId });

/** The scope fields of a new phrase, category or file. */
export const phraseOwner = (scope: ContentScope) =>
  scope === PUBLIC_SCOPE ? { scope: 'public' as const, groupId: null } : { scope: 'group' as const, groupId: scope.groupId };

/** The groupId of a new knowledge entry or category (null: the company's). */
export const knowledgeGroup = (scope: ContentScope): string | null => (scope === PUBLIC_SCOPE ? null : scope.groupId);

/** The scopes this console user may pick, and the one picked (a leader starts on their group, an admin on 公共). */
export function useContentScope() {
  const api = useApi();
  const leaderGroupId = useSessionStore((s) => (s.admin?.role === 'leader' ? (s.admin.groupId ?? null) : undefined));
  const isLeader = leaderGroupId !== undefined;
  const groups = useRemote(() => api.call('adminListGroups'), 'groups');
  const choices = (groups.data ?? []).filter((g) => !isLeader || g.id === leaderGroupId).map((g) => ({ id: g.id, name: g.name }));
  const [scope, setScope] = useState<ContentScope | null>(isLeader ? (leaderGroupId ? { groupId: leaderGroupId } : null) : PUBLIC_SCOPE);
  useEffect(() => {
    if (isLeader && leaderGroupId && scope === null) setScope({ groupId: leaderGroupId });
  }, [isLeader, leaderGroupId, scope]);
  return { scope, setScope, isLeader, groups: choices, groupsError: groups.error };
}
