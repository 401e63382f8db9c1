// CI gate: run @doyensec/electronegativity over electron/ (offline, Electron 45) and fail on any
// HIGH finding not explained in build/electronegativity-allowlist.json. Lower severities are printed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The records of a CSV text: a newline ends a record only outside quotes (a finding's description
 * may hold line breaks, which split a naive line-by-line read into broken rows).
 */
function csvRecords(text) {
  const records = [];
  let record = '';
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    if (c === '\n' && !quoted) {
      records.push(record);
      record = '';
    } else record += c;
  }
  records.push(record);
  return records.map((r) => r.replace(/\r$/, '')).filter((r) => r.trim() !== '');
}

/** One CSV row: commas separate, double quotes wrap cells that contain commas. */
function parseCsvRow(row) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < row.length; i++) {
    const c = row[i];
    if (quoted && c === '"' && row[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

const dir = mkdtempSync(join(tmpdir(), 'kefu-eng-'));
const csv = join(dir, 'findings.csv');
try {
  execFileSync('npx', ['electronegativity', '-i', 'electron', '-e', '45.0.0', '-o', csv], { stdio: ['ignore', 'ignore', 'inherit'] });
  const rows = csvRecords(readFileSync(csv, 'utf8')).slice(1);
  const allow = JSON.parse(readFileSync('build/electronegativity-allowlist.json', 'utf8')).accepted;
  const findings = rows.map((row) => {
    const [check, severity, , file, location] = parseCsvRow(row);
    return { check, severity, file: (file ?? '').replace(/^.*?electron\//, 'electron/'), location };
  });
  const blocking = findings.filter((f) => f.severity === 'HIGH' && !allow[`${f.check}@${f.file}`]);
  for (const f of findings) console.log(`${f.severity.padEnd(13)} ${f.check} ${f.file}:${f.location}`);
  if (blocking.length > 0) {
    console.error(`electronegativity: ${blocking.length} unexplained HIGH finding(s)`);
    process.exit(1);
  }
  console.log(`electronegativity: ${findings.length} finding(s), none HIGH unexplained`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
