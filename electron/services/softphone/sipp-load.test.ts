/**
 * Signaling load with sipp (Debian's sip-tester) through the real Kamailio: N calls in sequence to
 * the agent's softphone (answered through the real handlers, media signaling-only), then N calls
 * in parallel to a plain signaling-only UA. Bounded in count and time; no session may leak.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../test/sip/kamailio.js';
import { fileURLToPath } from 'node:url';
import { removeTempDirs } from '../test-support/temp-dir.js';
import { waitFor } from '../test-support/wait-for.js';
import { startPlainPhone, type PlainPhone } from './testing/plain-phone.js';
import { startPhoneStack, type PhoneStack } from './testing/phone-stack.js';

const SCENARIO = fileURLToPath(new URL('../../../test/sip/uac_rr.xml', import.meta.url));

async function sipp(sipPort: number, callee: string, calls: number, parallel: number): Promise<{ code: number | null; output: string }> {
  const localPort = await freePort();
  const args = [
    '127.0.0.1:' + sipPort,
    '-sf',
    SCENARIO,
    '-s',
    callee,
    '-m',
    String(calls),
    '-l',
    String(parallel),
    '-r',
    '20',
    '-i',
    '127.0.0.1',
    '-p',
    String(localPort),
    '-t',
    'u1',
    '-nostdin',
    '-timeout',
    '60s',
    '-timeout_error',
  ];
  const child = spawn('sipp', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output };
}

let stack: PhoneStack;
let plain: PlainPhone;

beforeAll(async () => {
  // sipp does not answer digest challenges: this Kamailio runs without auth.
  stack = await startPhoneStack({ auth: false });
  plain = await startPlainPhone({ wsUrl: stack.kamailio.wsUrl, user: '3003', autoAnswer: true });
}, 60_000);

afterAll(async () => {
  await plain?.stop();
  await stack?.close();
  removeTempDirs();
});

describe('sipp signaling load', () => {
  it('10 calls in sequence to the softphone: all answered, logged, none left open', async () => {
    const off = stack.desk.workstation.on('phone:incoming', ({ call }) => void stack.desk.invoke('phone:answer', { callId: call.id }));
    try {
      const result = await sipp(stack.kamailio.sipPort, '1001', 10, 1);
      expect(result.code, result.output).toBe(0);
    } finally {
      off();
    }
    await waitFor('no live call', async () => (await stack.phoneState()).calls.length === 0);
    const pending = await stack.desk.invoke('calls:pending', undefined);
    const list = await stack.desk.invoke('calls:list', {});
    expect(pending.ok && list.ok).toBe(true);
    if (list.ok) expect(list.value.filter((call) => call.result === 'answered' && call.remoteNumber === 'sipp')).toHaveLength(10);
  }, 90_000);

  it('40 calls, 10 at a time, to a plain signaling-only UA: all complete, no leaked session', async () => {
    const result = await sipp(stack.kamailio.sipPort, '3003', 40, 10);
    expect(result.code, result.output).toBe(0);
    await waitFor('sessions closed', () => plain.openSessions() === 0 && Object.keys(plain.ua._sessions).length === 0);
    expect(plain.sessions.length).toBe(40);
  }, 90_000);
});
