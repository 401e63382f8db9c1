import { describe, expect, it } from 'vitest';
import { zhCN } from './zh-CN.js';
import { en } from './en.js';

/** Paths as key lists: some keys hold dots themselves (audit actions such as 'agent.create'). */
function keyPaths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, [...prefix, key]));
}

const lookup = (root: unknown, path: string[]): unknown => path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);
const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();

describe('admin i18n resources', () => {
  it('zh-CN and en have exactly the same keys', () => {
    const zhKeys = keyPaths(zhCN)
      .map((p) => p.join('/'))
      .sort();
    const enKeys = keyPaths(en)
      .map((p) => p.join('/'))
      .sort();
    expect(zhKeys.length).toBeGreaterThan(100);
    expect(enKeys).toEqual(zhKeys);
  });

  it('every string is non-empty and uses the same placeholders in both languages', () => {
    for (const path of keyPaths(zhCN)) {
      const zh = lookup(zhCN, path);
      const english = lookup(en, path);
      const name = path.join('/');
      expect(typeof zh === 'string' && zh.length > 0, name).toBe(true);
      expect(typeof english === 'string' && english.length > 0, name).toBe(true);
      expect(placeholders(english as string), name).toEqual(placeholders(zh as string));
    }
  });
});
