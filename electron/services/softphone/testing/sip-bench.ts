/**
 * SIP bench (run by test/bench/sip-bench.ts, npm run bench:sip): REGISTER round trip and warm INVITE-to-established time for the
 * workstation's services UA (bridged description handler, media side answered signaling-only) beside a
 * plain sip.js UA, in the same run, through the same real Kamailio on loopback. Bounded: 30 rounds.
 */
import { SessionState } from 'sip.js';
import { createLog } from '../../logger.js';
import { createSipAgent } from '../sip-agent.js';
import { DEFAULT_SOFTPHONE_TIMING } from '../sip-config.js';
import { startPhoneStack } from './phone-stack.js';
import { startPlainPhone } from './plain-phone.js';
import { SignalingOnlySdh } from './signaling-sdp.js';
import { removeTempDirs } from '../../test-support/temp-dir.js';
import { waitFor } from '../../test-support/wait-for.js';

const ROUNDS = 30;
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))] ?? NaN;
const line = (label: string, values: number[]) =>
  console.log(`${label.padEnd(44)} p50 ${percentile(values, 50).toFixed(1)} ms  p99 ${percentile(values, 99).toFixed(1)} ms  (n=${values.length})`);

async function main() {
  const stack = await startPhoneStack({ auth: false, wrapUpSeconds: 0 });
  const callee = await startPlainPhone({ wsUrl: stack.kamailio.wsUrl, user: '4004', autoAnswer: true });
  const plainCaller = await startPlainPhone({ wsUrl: stack.kamailio.wsUrl, user: '4005' });
  try {
    const ours: number[] = [];
    const plain: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const agent = createSipAgent({
        settings: {
          enabled: true,
          wsServer: stack.kamailio.wsUrl,
          uri: `sip:5${String(round).padStart(3, '0')}@127.0.0.1`,
          authUser: '',
          password: '',
          displayName: '',
          iceServers: [],
        },
        timing: DEFAULT_SOFTPHONE_TIMING,
        sessionDescriptionHandlerFactory: () => new SignalingOnlySdh(),
        onInvite: () => undefined,
        onRegistration: () => undefined,
        log: createLog('bench'),
      });
      const t0 = performance.now();
      agent.start();
      await waitFor('registered', () => agent.registration().state === 'registered', 5000, 1);
      ours.push(performance.now() - t0);
      await agent.stop();
      const t1 = performance.now();
      const phone = await startPlainPhone({ wsUrl: stack.kamailio.wsUrl, user: `6${String(round).padStart(3, '0')}` });
      plain.push(performance.now() - t1);
      await phone.stop();
    }
    console.log('REGISTER (connect + REGISTER + 200), cold UA each round');
    line('  services UA (sip-agent)', ours);
    line('  plain sip.js UA', plain);

    const oursCall: number[] = [];
    const plainCall: number[] = [];
    for (let round = 0; round < ROUNDS + 1; round++) {
      const t0 = performance.now();
      const dialled = await stack.desk.invoke('phone:dial', { number: '4004' });
      if (!dialled.ok) throw new Error(dialled.error.message);
      await waitFor(
        'established',
        async () => {
          const state = await stack.desk.invoke('phone:get-state', undefined);
          return state.ok && state.value.calls.some((call) => call.id === dialled.value.id && call.state === 'established');
        },
        5000,
        1,
      );
      if (round > 0) oursCall.push(performance.now() - t0); // round 0 warms up
      await stack.desk.invoke('phone:hang-up', { callId: dialled.value.id });
      await waitFor(
        'idle',
        async () => {
          const state = await stack.desk.invoke('phone:get-state', undefined);
          return state.ok && state.value.calls.length === 0;
        },
        5000,
        1,
      );
      const t1 = performance.now();
      const inviter = plainCaller.call('4004');
      await waitFor('plain established', () => inviter.state === SessionState.Established, 5000, 1);
      if (round > 0) plainCall.push(performance.now() - t1);
      await inviter.bye();
    }
    console.log('INVITE → established (warm, signaling-only media)');
    line('  services UA (bridged SDH over the contract)', oursCall);
    line('  plain sip.js UA', plainCall);
    console.log(
      `ratio p50 services/plain: REGISTER ${(percentile(ours, 50) / percentile(plain, 50)).toFixed(2)}, INVITE ${(percentile(oursCall, 50) / percentile(plainCall, 50)).toFixed(2)}`,
    );
  } finally {
    await plainCaller.stop();
    await callee.stop();
    await stack.close();
    removeTempDirs();
  }
}

await main();
