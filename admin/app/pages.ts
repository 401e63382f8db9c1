/** The console's pages, in menu order; the URL hash names the page so a reload stays on it. */
export const PAGES = ['agents', 'groups', 'topics', 'settings', 'audit'] as const;
export type PageName = (typeof PAGES)[number];

export function pageFromHash(hash: string): PageName {
  const name = hash.replace(/^#\/?/, '');
  return (PAGES as readonly string[]).includes(name) ? (name as PageName) : 'agents';
}
