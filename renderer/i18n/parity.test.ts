import { describe, expect, it } from 'vitest';
import { zhCN } from './zh-CN.js';
import { en } from './en.js';

function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
}

describe('i18n resources', () => {
  it('zh-CN and en have exactly the same keys', () => {
    const zhKeys = keyPaths(zhCN).sort();
    const enKeys = keyPaths(en).sort();
    expect(zhKeys.length).toBeGreaterThan(50);
    expect(enKeys).toEqual(zhKeys);
  });

  it('every string is non-empty and uses the same placeholders in both languages', () => {
    const lookup = (root: unknown, path: string): unknown => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
    for (const path of keyPaths(zhCN)) {
      const zh = lookup(zhCN, path);
      const english = lookup(en, path);
      expect(typeof zh === 'string' && zh.length > 0, path).toBe(true);
      expect(typeof english === 'string' && english.length > 0, path).toBe(true);
      expect(placeholders(english as string), path).toEqual(placeholders(zh as string));
    }
  });
});
