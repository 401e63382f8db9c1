/**
 * Finds import cycles among a folder's modules from their source text alone (a madge-like check;
 * pure, so it lives beside the contract it guards and any layer's test can use it). Every kind of edge counts, `import type` and `export … from` included: a
 * type-only cycle still means two files that cannot be read one without the other.
 */

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?['"](\.\/[^'"]+)['"]/g;

/** The sibling modules a source imports, by file name (`./contract.js` → `contract.ts`). */
export function siblingImports(source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(IMPORT)) {
    const target = match[1]!.slice(2);
    if (!target.includes('/')) found.add(target.replace(/\.js$/, '.ts'));
  }
  return [...found];
}

/** Each cycle once, as the list of files along it (first file repeated at the end). */
export function findImportCycles(sources: Record<string, string>): string[][] {
  const edges = new Map(Object.entries(sources).map(([file, text]) => [file, siblingImports(text).filter((target) => target in sources)]));
  const cycles: string[][] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string) => {
    const at = path.indexOf(file);
    if (at >= 0) {
      cycles.push([...path.slice(at), file]);
      return;
    }
    if (done.has(file)) return;
    path.push(file);
    for (const target of edges.get(file) ?? []) visit(target);
    path.pop();
    done.add(file);
  };
  for (const file of [...edges.keys()].sort()) visit(file);
  return cycles;
}
