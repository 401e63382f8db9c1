/**
 * The processes this bench started, found under its own PID in /proc (Linux): how much CPU the
 * engines (PostgreSQL with its backends, Redis, nginx with its worker) used during a phase, and a
 * last-resort SIGKILL of those still running when the bench exits.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** The engines whose CPU the bench reports, by process name (/proc/PID/comm). */
export const ENGINE_NAMES = { postgres: 'postgres', redis: 'redis-server', nginx: 'nginx' } as const;
export type EngineName = keyof typeof ENGINE_NAMES;
export type EngineCpuMs = Record<EngineName, number>;

interface ProcStat {
  pid: number;
  ppid: number;
  comm: string;
  /** utime + stime + cutime + cstime: its own CPU and that of children it reaped (PostgreSQL's ended backends). */
  cpuTicks: number;
}

let ticksPerSecond: number | null = null;
function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

function readStat(pid: number): ProcStat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null; // gone meanwhile
  }
  // "pid (comm) state ppid …": comm may contain spaces and parentheses, so split after the last ')'.
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  const fields = text.slice(close + 2).split(' ');
  // fields[0] is the state (field 3 of stat); utime..cstime are fields 14..17.
  const at = (field: number): number => Number(fields[field - 3]);
  return { pid, ppid: at(4), comm: text.slice(open + 1, close), cpuTicks: at(14) + at(15) + at(16) + at(17) };
}

function allStats(): ProcStat[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return []; // not Linux: engine CPU shows as 0
  }
  const stats: ProcStat[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) stats.push(stat);
  }
  return stats;
}

/** Every live descendant of `root` (children first, then theirs). */
function descendants(root: number): ProcStat[] {
  const byParent = new Map<number, ProcStat[]>();
  for (const stat of allStats()) {
    const list = byParent.get(stat.ppid);
    if (list) list.push(stat);
    else byParent.set(stat.ppid, [stat]);
  }
  const found: ProcStat[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of byParent.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child.pid);
    }
  }
  return found;
}

/** CPU milliseconds used so far by the engines this process started (live processes and the children they reaped). */
export function engineCpuMs(): EngineCpuMs {
  const totals: EngineCpuMs = { postgres: 0, redis: 0, nginx: 0 };
  const msPerTick = 1000 / clockTicks();
  for (const stat of descendants(process.pid)) {
    for (const [engine, comm] of Object.entries(ENGINE_NAMES) as [EngineName, string][]) {
      if (stat.comm === comm) totals[engine] += stat.cpuTicks * msPerTick;
    }
  }
  return totals;
}

/**
 * Last resort when the bench exits with something still running: SIGKILL the engines it started
 * (by process name, under its own PID) and the given server processes. Other children (tsx's
 * esbuild service) are left alone. Returns what was killed.
 */
export function killStartedSync(serverPids: Iterable<number>): string[] {
  const servers = new Set(serverPids);
  const engines = new Set<string>(Object.values(ENGINE_NAMES));
  const killed: string[] = [];
  for (const stat of descendants(process.pid).reverse()) {
    if (!servers.has(stat.pid) && !engines.has(stat.comm)) continue;
    try {
      process.kill(stat.pid, 'SIGKILL');
      killed.push(`${stat.comm} ${stat.pid}`);
    } catch {
      // already gone
    }
  }
  return killed;
}
