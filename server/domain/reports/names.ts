/** The names rows are shown with: groups and agents as they are called now (a deleted agent by id). */
import type { DomainContext } from '../context.js';

export interface Names {
  group(key: string): { groupId: string | null; groupName: string | null };
  agent(id: string): { agentId: string; agentName: string; groupId: string | null };
}

export function namesOf(ctx: DomainContext): Names {
  const groups = new Map(ctx.store.groups.list().map((g) => [g.id, g.name]));
  const agents = new Map(ctx.store.agents.list().map((a) => [a.id, a]));
  return {
    group: (key) => (key === '' ? { groupId: null, groupName: null } : { groupId: key, groupName: groups.get(key) ?? key }),
    agent: (id) => {
      const row = agents.get(id);
      return { agentId: id, agentName: row?.nickname ?? id, groupId: row?.groupId ?? null };
    },
  };
}

/** By name in Chinese order, the rows without a name (no group) last. */
export const byName =
  <T>(nameOf: (row: T) => string | null) =>
  (a: T, b: T): number => {
    const x = nameOf(a);
    const y = nameOf(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return x.localeCompare(y, 'zh-CN');
  };
