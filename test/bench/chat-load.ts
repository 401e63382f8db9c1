/**
 * Runs the whole chat load against one target: start it in its own process on a fresh temp data
 * dir, build the population (20 agents, 200 visitors by default), warm up, then the open-loop and
 * max-throughput phases, recording the target's and the load generator's CPU around each.
 *
 * The target runs as a child process (target-child.ts) rather than in-process: in-process, the
 * load generator's 220 sockets would share the server's event loop and single core, and the
 * figures would measure both at once. With two cores, target and generator each get one — the
 * same arrangement for the kefu server and for the relay, so the ratio compares like with like.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { maxConcurrentPerAgent, type BenchConfig } from './config.js';
import { setUpKefuPopulation } from './kefu-setup.js';
import { runMaxThroughput, runOpenLoop, type PhaseOptions, type PhaseResult, type Population } from './load-phases.js';
import { setUpRelayPopulation } from './relay-setup.js';
import { coreShare, loopUtilization, machineBusyMs } from './stats.js';
import { startTargetProcess, type TargetKind, type TargetProcess } from './target-process.js';

export interface PhaseMeasure extends PhaseResult {
  /** Target process CPU over the sending part, in cores (1.0 = one core fully busy). */
  targetCores: number;
  /** Load generator (this process) CPU over the same interval. */
  loadGeneratorCores: number;
  targetRssMb: number;
  /** Event-loop utilization of the target and of the generator (1.0 = that loop never idled). */
  targetLoop: number;
  loadGeneratorLoop: number;
  /** Busy cores of the whole machine minus target and generator: other processes (noise). */
  otherCores: number;
}

export interface TargetResult {
  kind: TargetKind;
  setupMs: number;
  openLoop: PhaseMeasure;
  maxThroughput: PhaseMeasure;
  /** Sockets that closed or errored during the run (should be 0). */
  socketProblems: string[];
}

async function measured(target: TargetProcess, phase: () => Promise<PhaseResult>): Promise<PhaseMeasure> {
  const targetBefore = await target.usage();
  const selfBefore = process.cpuUsage();
  const machineBefore = machineBusyMs();
  const selfLoopBefore = performance.eventLoopUtilization();
  const wallStart = performance.now();
  const result = await phase();
  // CPU is sampled after the drain too, so divide by the full wall time of send + drain.
  const wallMs = performance.now() - wallStart;
  const targetAfter = await target.usage();
  const targetCores = coreShare(targetBefore.cpu, targetAfter.cpu, wallMs);
  const loadGeneratorCores = coreShare(selfBefore, process.cpuUsage(), wallMs);
  const machineCores = (machineBusyMs() - machineBefore) / wallMs;
  return {
    ...result,
    targetCores,
    loadGeneratorCores,
    targetRssMb: targetAfter.rssBytes / 1024 / 1024,
    targetLoop: loopUtilization(targetBefore.loop, targetAfter.loop),
    loadGeneratorLoop: performance.eventLoopUtilization(selfLoopBefore).utilization,
    otherCores: Math.max(0, machineCores - targetCores - loadGeneratorCores),
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

export async function runChatLoad(kind: TargetKind, config: BenchConfig, log: (line: string) => void): Promise<TargetResult> {
  const dataDir = kind === 'kefu' ? await mkdtemp(join(tmpdir(), 'kefu-bench-')) : undefined;
  const target = await startTargetProcess(kind, dataDir);
  let population: Population | null = null;
  try {
    log(`[${kind}] pid ${target.pid} at ${target.url}; setting up ${config.agents} agents, ${config.visitors} visitors`);
    const setupStart = performance.now();
    const sizes = { agents: config.agents, visitors: config.visitors, maxConcurrent: maxConcurrentPerAgent(config) };
    population = kind === 'kefu' ? await setUpKefuPopulation(target.url, sizes) : await setUpRelayPopulation(target.url, sizes);
    const setupMs = performance.now() - setupStart;
    const options: PhaseOptions = {
      seconds: config.phaseSeconds,
      drainSeconds: config.drainSeconds,
      maxMessages: config.maxMessagesPerPhase,
      messageChars: config.messageChars,
    };
    const pop = population;
    if (config.warmupSeconds > 0) {
      log(`[${kind}] warm-up ${config.warmupSeconds} s (not measured)`);
      await runOpenLoop(pop, { ...options, seconds: config.warmupSeconds }, config.openLoopRate);
    }
    log(`[${kind}] open loop ${config.openLoopRate} msg/s for ${config.phaseSeconds} s`);
    const openLoop = await measured(target, () => runOpenLoop(pop, options, config.openLoopRate));
    log(`[${kind}] max throughput, window ${config.window} per visitor, ${config.phaseSeconds} s`);
    const maxThroughput = await measured(target, () => runMaxThroughput(pop, options, config.window));
    return { kind, setupMs, openLoop, maxThroughput, socketProblems: socketProblems(pop) };
  } finally {
    for (const member of [...(population?.agents ?? []), ...(population?.visitors ?? [])]) member.connection.close();
    await target.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}
