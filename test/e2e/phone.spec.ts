/**
 * The softphone end to end with REAL media: a real Kamailio (test/sip/), the backend, a workstation
 * (browser shell: sip.js in the services, WebRTC in the page through the bridged description
 * handler) and a customer phone (a plain sip.js page), both in Chromium with fake audio devices.
 * Runs as the `phone` Playwright project, inside a private network namespace in scripts/test.sh.
 */
import { expect, test } from '@playwright/test';
import {
  AGENT_NUMBER,
  finishWrapUp as finishWrapUpOn,
  openPhoneView as openPhoneViewOn,
  registration,
  storedCalls as storedCallsOf,
  usePhoneDesk,
} from './support/phone-desk.js';
import type { CustomerPhone } from './support/phone-customer.js';
import { deskMedia, expectRtpBothWays } from './support/phone-media.js';

const desk = usePhoneDesk();
let agent: { page: typeof desk.page };
let customer: CustomerPhone;

const CUSTOMER_NUMBER = '2002';
const SECOND_NUMBER = '2003';

test.beforeAll(async ({ browser }) => {
  agent = desk.agent;
  customer = await desk.customer(browser, CUSTOMER_NUMBER);
});

const openPhoneView = () => openPhoneViewOn(agent.page);
const finishWrapUp = () => finishWrapUpOn(agent.page);
const storedCalls = () => storedCallsOf(desk);

test('the workstation registers with the SIP account the admin set (已注册)', async () => {
  await expect(registration(agent.page)).toContainText('已注册', { timeout: 20_000 });
});

test('inbound: the customer calls, the agent answers, RTP flows both ways, the customer hangs up, the log says answered', async () => {
  await customer.call(AGENT_NUMBER);
  const incoming = agent.page.getByRole('group', { name: `来电 ${CUSTOMER_NUMBER}` });
  await expect(incoming).toBeVisible();
  await incoming.getByRole('button', { name: '接听' }).click();
  // Answering brings the agent to the 电话 view (screen pop, call controls) by itself.
  await expect(agent.page.getByRole('complementary', { name: '拨号盘' })).toBeVisible();

  await expectRtpBothWays(agent.page, customer);

  await customer.hangup();
  await expect.poll(async () => (await deskMedia(agent.page)).length, { message: 'the workstation closed its peer connection' }).toBe(0);
  await finishWrapUp();
  await expect
    .poll(async () => (await storedCalls()).find((c) => c.direction === 'inbound' && c.remoteNumber === CUSTOMER_NUMBER)?.result, { timeout: 15_000 })
    .toBe('answered');
  const stored = (await storedCalls()).find((c) => c.direction === 'inbound' && c.remoteNumber === CUSTOMER_NUMBER)!;
  expect(stored).toMatchObject({ localUri: `sip:${AGENT_NUMBER}@127.0.0.1`, wrapUpCodeId: 'wrap-consulted' });
  expect(stored.answeredAt).not.toBeNull();
  expect(stored.endedAt).toBeGreaterThanOrEqual(stored.answeredAt!);
});

test('outbound: the agent dials from the dial pad, the customer answers, hold changes the direction, resume, the agent hangs up', async () => {
  await openPhoneView();
  const pad = agent.page.getByRole('complementary', { name: '拨号盘' }).getByRole('group', { name: '拨号盘' });
  await pad.getByLabel('电话号码').fill(CUSTOMER_NUMBER);
  await pad.getByRole('button', { name: '呼叫' }).click();
  await customer.answerWhenRinging();

  await expectRtpBothWays(agent.page, customer);

  const panel = agent.page.getByRole('region', { name: '当前通话' });
  await panel.getByRole('button', { name: '保持' }).click();
  await expect(panel.getByRole('button', { name: '恢复' })).toBeVisible();
  await expect
    .poll(async () => (await deskMedia(agent.page))[0]?.directions ?? [], { message: 'the held call sends only (or nothing)' })
    .toEqual(expect.arrayContaining([expect.stringMatching(/^(sendonly|inactive)$/)]));
  await expect.poll(async () => (await customer.stats()).directions).toEqual(expect.arrayContaining([expect.stringMatching(/^(recvonly|inactive)$/)]));

  await panel.getByRole('button', { name: '恢复' }).click();
  await expect(panel.getByRole('button', { name: '保持' })).toBeVisible();
  await expect.poll(async () => (await deskMedia(agent.page))[0]?.directions ?? []).toContain('sendrecv');
  await expectRtpBothWays(agent.page, customer);

  await panel.getByRole('button', { name: '挂断' }).click();
  await expect.poll(() => customer.sessionState()).toMatch(/^(Terminated|none)$/);
  await expect.poll(async () => (await deskMedia(agent.page)).length).toBe(0);
  await finishWrapUp();
  await expect
    .poll(async () => (await storedCalls()).find((c) => c.direction === 'outbound' && c.remoteNumber === CUSTOMER_NUMBER)?.result, { timeout: 15_000 })
    .toBe('answered');
});

test('three-way call (三方通话): the agent talks to 2002, dials 2003, mixes both calls, RTP flows on both, then each hangs up', async ({ browser }) => {
  const second = await desk.customer(browser, SECOND_NUMBER);
  await customer.call(AGENT_NUMBER);
  const incoming = agent.page.getByRole('group', { name: `来电 ${CUSTOMER_NUMBER}` });
  await expect(incoming).toBeVisible();
  await incoming.getByRole('button', { name: '接听' }).click();
  await expectRtpBothWays(agent.page, customer);
  const [first] = await deskMedia(agent.page);

  // Dialing 2003 holds 2002 (the first call).
  const pad = agent.page.getByRole('complementary', { name: '拨号盘' }).getByRole('group', { name: '拨号盘' });
  await pad.getByLabel('电话号码').fill(SECOND_NUMBER);
  await pad.getByRole('button', { name: '呼叫' }).click();
  await second.answerWhenRinging();
  await expect.poll(async () => (await deskMedia(agent.page)).length).toBe(2);
  const secondCall = (await deskMedia(agent.page)).find((c) => c.callId !== first!.callId)!;
  await expectRtpBothWays(agent.page, second, secondCall.callId);

  const panel = agent.page.getByRole('region', { name: '当前通话' });
  await panel.getByRole('button', { name: '三方通话' }).click();
  await expect(panel.getByText('三方通话中').first()).toBeVisible();
  await expect.poll(async () => (await deskMedia(agent.page)).map((c) => c.mixed), { message: 'both calls send the mixed track' }).toEqual([true, true]);
  // The held call was resumed: both peer connections send and receive again.
  await expect.poll(async () => (await deskMedia(agent.page)).every((c) => c.directions.includes('sendrecv'))).toBe(true);
  await expectRtpBothWays(agent.page, customer, first!.callId);
  await expectRtpBothWays(agent.page, second, secondCall.callId);

  // 2003 leaves: 2002's call sends the plain microphone again and keeps flowing.
  await second.hangup();
  await expect.poll(async () => (await deskMedia(agent.page)).map((c) => [c.callId, c.mixed])).toEqual([[first!.callId, false]]);
  await expectRtpBothWays(agent.page, customer, first!.callId);
  await panel.getByRole('button', { name: '挂断' }).click();
  await expect.poll(() => customer.sessionState()).toMatch(/^(Terminated|none)$/);
  await expect.poll(async () => (await deskMedia(agent.page)).length).toBe(0);
});
