/** shared/ipc is read by every layer: its files must form no import cycle (type-only imports count). */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findImportCycles, siblingImports } from '../../../shared/ipc/import-cycles.js';

const SHARED_IPC = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/ipc');

function sourcesOf(folder: string): Record<string, string> {
  const files = readdirSync(folder).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
  return Object.fromEntries(files.map((file) => [file, readFileSync(join(folder, file), 'utf8')]));
}

describe('shared/ipc imports', () => {
  it('reads every kind of sibling import, type-only and re-exports included', () => {
    const source = [
      "import { z } from 'zod';",
      "import type { A } from './a.js';",
      "import {\n  B,\n  type C,\n} from './b.js';",
      "export { D } from './d.js';",
      "export * from './e.js';",
      "import { F } from '../f.js';",
    ].join('\n');
    expect(siblingImports(source).sort()).toEqual(['a.ts', 'b.ts', 'd.ts', 'e.ts']);
  });

  it('finds a cycle, also one made of type imports only', () => {
    expect(findImportCycles({ 'a.ts': "import type { B } from './b.js';", 'b.ts': "import { A } from './a.js';", 'c.ts': '' })).toEqual([
      ['a.ts', 'b.ts', 'a.ts'],
    ]);
  });

  it('has no import cycle inside shared/ipc', () => {
    const sources = sourcesOf(SHARED_IPC);
    expect(Object.keys(sources)).toEqual(expect.arrayContaining(['contract.ts', 'file-phrases.ts', 'invoke.ts']));
    expect(findImportCycles(sources)).toEqual([]);
  });
});
