import { describe, expect, it } from 'vitest';
import { pageFromHash, pagesFor } from './pages.js';

describe('console pages by role', () => {
  it('an admin has every page; a group leader their group, its agents and its notices', () => {
    expect(pagesFor('admin')).toEqual(expect.arrayContaining(['agents', 'groups', 'topics', 'settings', 'audit']));
    expect(pagesFor('leader')).toEqual(['agents', 'groups', 'monitor', 'supervision', 'reports', 'notices', 'knowledge', 'content']);
    expect(pagesFor('leader')).not.toContain('settings');
    expect(pagesFor('leader')).not.toContain('audit');
    expect(pagesFor('agent').every((page) => pagesFor('leader').includes(page))).toBe(true);
  });

  it('a bookmarked page the role may not open falls back to 客服管理', () => {
    expect(pageFromHash('#/audit', pagesFor('admin'))).toBe('audit');
    expect(pageFromHash('#/audit', pagesFor('leader'))).toBe('agents');
    expect(pageFromHash('#/nonsense')).toBe('agents');
    // 报表 keeps its filters after the page name.
    expect(pageFromHash('#/reports?tab=calls&from=2026-03-01', pagesFor('leader'))).toBe('reports');
  });
});
