/**
 * Knowledge search benchmark (issue 5): search latency p50/p99 over 100,000 Chinese entries in the
 * workstation cache for 1, 2, 4 and 8 character queries (bigram FTS5 index for 1–2, FTS5 trigram
 * for 3+), beside a plain in-memory substring scan of the same data measured in the same run; plus
 * the time to build the indexes (the insert writes both; each rebuild is also timed alone).
 * Bounded in count and time. `npm run bench:knowledge` (env KB_ENTRIES, KB_QUERIES).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../electron/services/cache/database.js';
import { KNOWLEDGE_BIGRAMS_FILL_SQL } from '../../electron/services/cache/migrations/008-knowledge-bigrams.js';
import { putKnowledgeEntries } from '../../electron/services/knowledge/knowledge-repo.js';
import { searchKnowledge } from '../../electron/services/knowledge/search.js';
import type { KnowledgeEntry } from '../../shared/knowledge.js';
import { generateEntries, generateQueries } from './knowledge-data.js';
import { summarize, type LatencySummary } from './stats.js';

const ENTRIES = Math.min(Number(process.env.KB_ENTRIES ?? 100_000), 500_000);
const QUERIES = Math.min(Number(process.env.KB_QUERIES ?? 200), 2_000);
const LIMIT = 20;
/** Each measured series stops after this long even if queries remain. */
const SERIES_BUDGET_MS = 30_000;
const LENGTHS = [1, 2, 4, 8] as const;

interface Row {
  chars: number;
  mode: string;
  engine: LatencySummary;
  baseline: LatencySummary;
  hits: number;
}

/** The baseline: what a plain implementation would do — scan everything, rank by tier, keep LIMIT. */
function baselineSearch(data: { question: string; keywords: string; answer: string }[], query: string): number {
  const needle = query.toLowerCase();
  const found: { index: number; tier: number }[] = [];
  for (let i = 0; i < data.length; i++) {
    const d = data[i]!;
    if (d.question.includes(needle)) found.push({ index: i, tier: 0 });
    else if (d.keywords.includes(needle)) found.push({ index: i, tier: 1 });
    else if (d.answer.includes(needle)) found.push({ index: i, tier: 2 });
  }
  found.sort((a, b) => a.tier - b.tier);
  return found.slice(0, LIMIT).length;
}

function measure(queries: string[], run: (q: string) => number): { summary: LatencySummary; hits: number } {
  const samples: number[] = [];
  let hits = 0;
  const deadline = performance.now() + SERIES_BUDGET_MS;
  for (const q of queries.slice(0, 10)) run(q); // warm-up (statement cache, page cache)
  for (const q of queries) {
    if (performance.now() > deadline) break;
    const start = performance.now();
    hits += run(q);
    samples.push(performance.now() - start);
  }
  return { summary: summarize(samples), hits: hits / Math.max(1, samples.length) };
}

const ms = (value: number): string => (value < 10 ? value.toFixed(3) : value.toFixed(1)).padStart(8);

function main(): number {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-kb-bench-'));
  try {
    console.log(`knowledge search bench — ${ENTRIES} entries, ${QUERIES} queries per length, LIMIT ${LIMIT}, node ${process.version}`);
    const entries: KnowledgeEntry[] = generateEntries(ENTRIES);
    const db = openDatabase(dir);
    const t0 = performance.now();
    putKnowledgeEntries(db, entries);
    const insertMs = performance.now() - t0;
    const t1 = performance.now();
    db.exec("INSERT INTO knowledge_fts (knowledge_fts) VALUES ('rebuild')");
    const rebuildMs = performance.now() - t1;
    db.exec("INSERT INTO knowledge_fts (knowledge_fts) VALUES ('optimize')");
    // The bigram index refilled the way migration 008 fills it for a cache that already has entries.
    db.exec("INSERT INTO knowledge_bigrams (knowledge_bigrams) VALUES ('delete-all')");
    const t3 = performance.now();
    db.exec(KNOWLEDGE_BIGRAMS_FILL_SQL);
    const bigramMs = performance.now() - t3;
    db.exec("INSERT INTO knowledge_bigrams (knowledge_bigrams) VALUES ('optimize')");
    const t2 = performance.now();
    const data = entries.map((e) => ({
      question: e.question.toLowerCase(),
      keywords: e.keywords.join('\n').toLowerCase(),
      answer: e.answerText.toLowerCase(),
    }));
    const memoryMs = performance.now() - t2;
    const s = (value: number): string => `${(value / 1000).toFixed(2)} s`;
    console.log(
      `build: insert ${ENTRIES} entries with FTS5 trigram + bigram indexes ${s(insertMs)}; trigram rebuild alone ${s(rebuildMs)}; bigram fill alone (migration 008 SQL) ${s(bigramMs)}; baseline in-memory copy ${memoryMs.toFixed(0)} ms`,
    );

    const rows: Row[] = [];
    for (const chars of LENGTHS) {
      const queries = generateQueries(entries, chars, QUERIES);
      let mode = '';
      const engine = measure(queries, (q) => {
        const result = searchKnowledge(db, { query: q, limit: LIMIT, categoryId: null });
        mode = result.mode;
        return result.hits.length;
      });
      const baseline = measure(queries, (q) => baselineSearch(data, q));
      rows.push({ chars, mode, engine: engine.summary, baseline: baseline.summary, hits: engine.hits });
    }
    db.close();

    console.log('');
    console.log('chars  mode   cache p50  cache p99   scan p50   scan p99  p50 ratio  hits/query');
    for (const r of rows) {
      const ratio = r.baseline.p50 / r.engine.p50;
      console.log(
        `${String(r.chars).padStart(5)}  ${r.mode.padEnd(4)} ${ms(r.engine.p50)}ms ${ms(r.engine.p99)}ms ${ms(r.baseline.p50)}ms ${ms(r.baseline.p99)}ms ${ratio.toFixed(1).padStart(9)}x ${r.hits.toFixed(1).padStart(11)}`,
      );
    }
    console.log('(cache = workstation search on SQLite, ranked, with highlight ranges; scan = plain in-memory substring scan of the same data)');
    const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(
      join(resultsDir, 'knowledge-latest.json'),
      JSON.stringify({ entries: ENTRIES, queries: QUERIES, limit: LIMIT, insertMs, rebuildMs, bigramMs, rows }, null, 2) + '\n',
    );
    return rows.every((r) => r.engine.count > 0 && r.baseline.count > 0) ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = main();
