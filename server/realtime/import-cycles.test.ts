/**
 * No import cycle among the realtime modules (issue 10): the hub owns presence, staff state and
 * the frame handlers, and those reach the sockets through fanout.ts, never back through the hub.
 * http is held to the same rule. The cycle search is shared/ipc's (it reads source text only);
 * both folders are flat, so sibling imports are every import inside them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findImportCycles, siblingImports } from '../../shared/ipc/import-cycles.js';

const server = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The folder's modules (tests left out) by file name; it must have no subfolder, or those would go unseen. */
function sourcesOf(folder: string): Record<string, string> {
  const dir = join(server, folder);
  const entries = readdirSync(dir, { withFileTypes: true });
  expect(entries.filter((e) => e.isDirectory()).map((e) => e.name)).toEqual([]);
  const modules = entries.filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'));
  return Object.fromEntries(modules.map((e) => [e.name, readFileSync(join(dir, e.name), 'utf8')]));
}

describe('server import cycles', () => {
  it.each(['realtime', 'http'])('server/%s has none', (folder) => {
    const sources = sourcesOf(folder);
    expect(Object.keys(sources).length).toBeGreaterThan(5);
    expect(findImportCycles(sources)).toEqual([]);
  });

  it('the hub reaches presence, staff state and the frames, and none of them imports the hub', () => {
    const sources = sourcesOf('realtime');
    expect(siblingImports(sources['hub.ts']!)).toEqual(expect.arrayContaining(['frames.ts', 'presence.ts', 'staff-state.ts']));
    for (const [file, text] of Object.entries(sources)) expect(siblingImports(text), file).not.toContain('hub.ts');
  });
});
