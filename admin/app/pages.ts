/** The console's pages, in menu order; the URL hash names the page so a reload stays on it. */
export const PAGES = [
  'agents',
  'groups',
  'monitor',
  'supervision',
  'reports',
  'topics',
  'settings',
  'widget',
  'blacklist',
  'notices',
  'invitations',
  'knowledge',
  'content',
  'audit',
] as const;
export type PageName = (typeof PAGES)[number];

/** What a group leader (组长) opens: their group's agents, the group, its notices, its reports and its own content (知识库, 内容管理). The server enforces it too. */
const LEADER_PAGES: ReadonlySet<PageName> = new Set(['agents', 'groups', 'monitor', 'supervision', 'reports', 'notices', 'knowledge', 'content']);

/** The pages of the menu for this role, in menu order. */
export function pagesFor(role: 'admin' | 'leader' | 'agent' | undefined): PageName[] {
  return role === 'admin' ? [...PAGES] : PAGES.filter((page) => LEADER_PAGES.has(page));
}

export function pageFromHash(hash: string, pages: readonly PageName[] = PAGES): PageName {
  // A page may keep its state after the name (#/reports?from=…).
  const name = hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  return (pages as readonly string[]).includes(name) ? (name as PageName) : 'agents';
}
