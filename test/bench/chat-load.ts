/**
 * Runs the whole chat load against one target: start it (bench-targets.ts: its server processes
 * on a fresh data dir or database, and nginx in front when it has several), build the population
 * (20 agents, 200 visitors by default), warm up, then the open-loop and max-throughput phases,
 * recording the target's processes', the engines' and the load generator's CPU around each.
 *
 * The target runs as a child process (target-child.ts) rather than in-process: in-process, the
 * load generator's 220 sockets would share the server's event loop and single core, and the
 * figures would measure both at once. With two cores, target and generator each get one — the
 * same arrangement for the kefu server and for the relay, so the ratio compares like with like.
 */
import { performance } from 'node:perf_hooks';
import { startBenchTarget, TARGET_DESCRIPTIONS, type BenchTarget, type Engines } from './bench-targets.js';
import { maxConcurrentPerAgent, type BenchConfig, type TargetName } from './config.js';
import { setUpKefuPopulation } from './kefu-setup.js';
import { runMaxThroughput, runOpenLoop, type PhaseOptions, type PhaseResult, type Population } from './load-phases.js';
import { pgPhaseStats, pgSnapshot, type PgPhaseStats } from './pg-stats.js';
import { engineCpuMs, type EngineName } from './proc-tree.js';
import { setUpRelayPopulation } from './relay-setup.js';
import { coreShare, loopUtilization, machineBusyMs } from './stats.js';

export interface NodeMeasure {
  pid: number;
  cores: number;
  loop: number;
  rssMb: number;
}

export interface PhaseMeasure extends PhaseResult {
  /** Target CPU over the sending part, in cores (1.0 = one core fully busy); summed over its server processes. */
  targetCores: number;
  /** Load generator (this process) CPU over the same interval. */
  loadGeneratorCores: number;
  /** Summed over the target's server processes. */
  targetRssMb: number;
  /** Event-loop utilization of the target (its busiest server process) and of the generator (1.0 = that loop never idled). */
  targetLoop: number;
  loadGeneratorLoop: number;
  /** Busy cores of the whole machine minus target, engines and generator: other processes (noise). */
  otherCores: number;
  /** Each server process of the target (several for postgres-3-nginx). */
  nodes: NodeMeasure[];
  /** CPU of the engines the bench started (PostgreSQL with its backends, Redis, nginx), in cores. */
  engineCores: Record<EngineName, number>;
  /** What PostgreSQL did per stored message (pg-stats.ts); null without PostgreSQL. */
  postgres: PgPhaseStats | null;
}

export interface TargetResult {
  name: TargetName;
  description: string;
  /** Server processes of the target. */
  nodeCount: number;
  /** Share of visitor/agent pairs whose two sockets sit on different nodes; null with one node. */
  crossNodePairs: number | null;
  setupMs: number;
  openLoop: PhaseMeasure;
  maxThroughput: PhaseMeasure;
  /** Sockets that closed or errored during the run (should be 0). */
  socketProblems: string[];
}

async function measured(target: BenchTarget, config: BenchConfig, phase: () => Promise<PhaseResult>): Promise<PhaseMeasure> {
  const pgBefore = target.databaseUrl ? await pgSnapshot(target.databaseUrl, config.postgresStatements) : null;
  const nodesBefore = await Promise.all(target.nodes.map((node) => node.usage()));
  const enginesBefore = engineCpuMs();
  const selfBefore = process.cpuUsage();
  const machineBefore = machineBusyMs();
  const selfLoopBefore = performance.eventLoopUtilization();
  const wallStart = performance.now();
  const result = await phase();
  // CPU is sampled after the drain too, so divide by the full wall time of send + drain.
  const wallMs = performance.now() - wallStart;
  const nodesAfter = await Promise.all(target.nodes.map((node) => node.usage()));
  const enginesAfter = engineCpuMs();
  const loadGeneratorCores = coreShare(selfBefore, process.cpuUsage(), wallMs);
  const machineCores = (machineBusyMs() - machineBefore) / wallMs;
  const loadGeneratorLoop = performance.eventLoopUtilization(selfLoopBefore).utilization;
  const nodes = target.nodes.map((node, i) => ({
    pid: node.pid,
    cores: coreShare(nodesBefore[i]!.cpu, nodesAfter[i]!.cpu, wallMs),
    loop: loopUtilization(nodesBefore[i]!.loop, nodesAfter[i]!.loop),
    rssMb: nodesAfter[i]!.rssBytes / 1024 / 1024,
  }));
  const engineCores = {
    postgres: (enginesAfter.postgres - enginesBefore.postgres) / wallMs,
    redis: (enginesAfter.redis - enginesBefore.redis) / wallMs,
    nginx: (enginesAfter.nginx - enginesBefore.nginx) / wallMs,
  };
  const targetCores = nodes.reduce((sum, n) => sum + n.cores, 0);
  const enginesTotal = engineCores.postgres + engineCores.redis + engineCores.nginx;
  const pgAfter = target.databaseUrl ? await pgSnapshot(target.databaseUrl, config.postgresStatements) : null;
  return {
    ...result,
    targetCores,
    loadGeneratorCores,
    targetRssMb: nodes.reduce((sum, n) => sum + n.rssMb, 0),
    targetLoop: Math.max(...nodes.map((n) => n.loop)),
    loadGeneratorLoop,
    otherCores: Math.max(0, machineCores - targetCores - enginesTotal - loadGeneratorCores),
    nodes,
    engineCores,
    postgres: pgBefore && pgAfter ? pgPhaseStats(pgBefore, pgAfter, result.verdict.acked) : null,
  };
}

function socketProblems(population: Population): string[] {
  const problems: string[] = [];
  for (const agent of population.agents) {
    if (agent.connection.closed) problems.push(`agent ${agent.id} socket closed`);
    problems.push(...agent.connection.errors.map((e) => `agent ${agent.id}: ${e}`));
  }
  for (const visitor of population.visitors) {
    if (visitor.connection.closed) problems.push(`visitor ${visitor.conversationId} socket closed`);
    problems.push(...visitor.connection.errors.map((e) => `visitor ${visitor.conversationId}: ${e}`));
  }
  return problems;
}

/** Which node each socket sat on (asked of the nodes' hubs), and how many visitor/agent pairs are split. */
async function crossNodePairs(target: BenchTarget, population: Population, log: (line: string) => void): Promise<number | null> {
  if (target.nodes.length < 2) return null;
  const perNode = await Promise.all(target.nodes.map((node) => node.sockets()));
  const agentNode = new Map<string, number>();
  const visitorNode = new Map<string, number>();
  perNode.forEach((sockets, i) => {
    for (const id of sockets.agentIds) agentNode.set(id, i);
    for (const id of sockets.visitorIds) visitorNode.set(id, i);
  });
  let split = 0;
  let known = 0;
  for (const visitor of population.visitors) {
    const a = agentNode.get(visitor.agentId);
    const v = visitor.visitorId === undefined ? undefined : visitorNode.get(visitor.visitorId);
    if (a === undefined || v === undefined) continue;
    known += 1;
    if (a !== v) split += 1;
  }
  const spread = perNode.map((s, i) => `node ${i + 1}: ${s.agentIds.length} agents + ${s.visitorIds.length} visitors`).join('; ');
  const share = known > 0 ? split / known : Number.NaN;
  log(`[${target.name}] sockets through nginx — ${spread}; ${split} of ${known} visitor/agent pairs on different nodes (${(share * 100).toFixed(0)}%)`);
  return share;
}

export async function runChatLoad(name: TargetName, config: BenchConfig, engines: Engines, log: (line: string) => void): Promise<TargetResult> {
  const target = await startBenchTarget(name, config, engines);
  let population: Population | null = null;
  try {
    const pids = target.nodes.map((node) => node.pid).join(', ');
    log(`[${name}] ${TARGET_DESCRIPTIONS[name]}: pid ${pids} at ${target.url}; setting up ${config.agents} agents, ${config.visitors} visitors`);
    const setupStart = performance.now();
    const sizes = { agents: config.agents, visitors: config.visitors, maxConcurrent: maxConcurrentPerAgent(config) };
    population = target.population === 'kefu' ? await setUpKefuPopulation(target.url, sizes) : await setUpRelayPopulation(target.url, sizes);
    const setupMs = performance.now() - setupStart;
    const pop = population;
    const split = await crossNodePairs(target, pop, log);
    const options: PhaseOptions = {
      seconds: config.phaseSeconds,
      drainSeconds: config.drainSeconds,
      maxMessages: config.maxMessagesPerPhase,
      messageChars: config.messageChars,
    };
    if (config.warmupSeconds > 0) {
      log(`[${name}] warm-up ${config.warmupSeconds} s (not measured)`);
      await runOpenLoop(pop, { ...options, seconds: config.warmupSeconds }, config.openLoopRate);
    }
    log(`[${name}] open loop ${config.openLoopRate} msg/s for ${config.phaseSeconds} s`);
    const openLoop = await measured(target, config, () => runOpenLoop(pop, options, config.openLoopRate));
    log(`[${name}] max throughput, window ${config.window} per visitor, ${config.phaseSeconds} s`);
    const maxThroughput = await measured(target, config, () => runMaxThroughput(pop, options, config.window));
    return {
      name,
      description: TARGET_DESCRIPTIONS[name],
      nodeCount: target.nodes.length,
      crossNodePairs: split,
      setupMs,
      openLoop,
      maxThroughput,
      socketProblems: socketProblems(pop),
    };
  } finally {
    for (const member of [...(population?.agents ?? []), ...(population?.visitors ?? [])]) member.connection.close();
    await target.stop();
  }
}
