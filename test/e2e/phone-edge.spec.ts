/**
 * The softphone's edge cases through the workstation UI with REAL media and a real Kamailio:
 * reject, the caller giving up while it rings (未接来电), do-not-disturb (486), call waiting
 * (answer holds the first call; the agent switches back) and registration recovering after
 * Kamailio restarts. Every scenario checks the backend's call log (direction, number, result).
 * Runs as the `phone` project inside a private network namespace (scripts/test.sh).
 */
import { expect, test } from '@playwright/test';
import {
  AGENT_NUMBER,
  answerIncoming,
  callIdsNow,
  callPanel,
  finishWrapUp,
  incomingCall,
  newStoredCalls,
  openPhoneView,
  registration,
  usePhoneDesk,
} from './support/phone-desk.js';
import { deskMedia, expectRtpBothWays } from './support/phone-media.js';
import type { CustomerPhone } from './support/phone-customer.js';

const desk = usePhoneDesk();
let customer: CustomerPhone;
let second: CustomerPhone;

test.beforeAll(async ({ browser }) => {
  customer = await desk.customer(browser, '2002');
  second = await desk.customer(browser, '2003');
});

test.afterEach(async () => {
  for (const phone of [customer, second]) while ((await phone.openCalls()) > 0) await phone.hangup();
  await expect.poll(async () => (await deskMedia(desk.page)).length, { message: 'no peer connection left on the desk' }).toBe(0);
});

const HELD = expect.arrayContaining([expect.stringMatching(/^(sendonly|inactive)$/)]);
const HELD_BY_FAR_SIDE = expect.arrayContaining([expect.stringMatching(/^(recvonly|inactive)$/)]);

test('reject (拒接): the customer hears 603 and the call is logged as rejected', async () => {
  const before = await callIdsNow(desk);
  await customer.call(AGENT_NUMBER);
  await incomingCall(desk.page, customer.user).getByRole('button', { name: '拒接' }).click();
  await expect.poll(() => customer.rejections()).toContain(603);
  await expect(incomingCall(desk.page, customer.user)).toHaveCount(0);
  const [logged] = await newStoredCalls(desk, before, 1);
  expect(logged).toMatchObject({ direction: 'inbound', remoteNumber: '2002', result: 'rejected', answeredAt: null, durationSeconds: 0 });
});

test('the customer hangs up while it rings: the ringing stops, 未接来电 lists it, the log says missed', async () => {
  const before = await callIdsNow(desk);
  await customer.call(AGENT_NUMBER);
  await expect(incomingCall(desk.page, customer.user)).toBeVisible();
  await customer.hangup();
  await expect(incomingCall(desk.page, customer.user)).toHaveCount(0);
  const [logged] = await newStoredCalls(desk, before, 1);
  expect(logged).toMatchObject({ direction: 'inbound', remoteNumber: '2002', result: 'missed', answeredAt: null });

  // The main navigation counts the unseen missed call.
  await expect(desk.page.getByRole('navigation', { name: '主导航' }).getByRole('radio', { name: /^电话 \d+$/ })).toHaveCount(1);
  await openPhoneView(desk.page);
  const log = desk.page.getByRole('region', { name: '通话记录' });
  await log
    .getByRole('radiogroup', { name: '通话记录筛选' })
    .getByText(/^未接来电/)
    .click();
  await expect(log.getByRole('row').filter({ hasText: '2002' }).filter({ hasText: '未接' }).first()).toBeVisible();
});

test('do not disturb (免打扰): the customer gets 486 Busy, nothing rings, the log says busy', async () => {
  const before = await callIdsNow(desk);
  const availability = desk.page.getByRole('banner').getByLabel('电话状态');
  await availability.click();
  await desk.page.locator('.ant-select-dropdown:visible').getByText('免打扰', { exact: true }).click();
  await expect(desk.page.getByRole('banner')).toContainText('免打扰');
  try {
    await customer.call(AGENT_NUMBER);
    await expect.poll(() => customer.rejections()).toContain(486);
    await expect(incomingCall(desk.page, customer.user)).toHaveCount(0);
    const [logged] = await newStoredCalls(desk, before, 1);
    expect(logged).toMatchObject({ direction: 'inbound', remoteNumber: '2002', result: 'busy', answeredAt: null });
  } finally {
    await availability.click();
    await desk.page.locator('.ant-select-dropdown:visible').getByText('示闲', { exact: true }).click();
    await expect(desk.page.getByRole('banner')).toContainText('示闲');
  }
});

test('call waiting: a second call shows 等待中; answering it holds the first; the agent switches back; RTP follows', async () => {
  const before = await callIdsNow(desk);
  await customer.call(AGENT_NUMBER);
  await answerIncoming(desk.page, customer.user);
  await expectRtpBothWays(desk.page, customer);
  const [first] = await deskMedia(desk.page);

  await second.call(AGENT_NUMBER);
  const waiting = incomingCall(desk.page, second.user);
  await expect(waiting.getByText('等待中')).toBeVisible();
  await expect(waiting.getByText('接听将保持当前通话')).toBeVisible();
  await waiting.getByRole('button', { name: '接听' }).click();

  await expect.poll(async () => (await deskMedia(desk.page)).length).toBe(2);
  const secondCall = (await deskMedia(desk.page)).find((c) => c.callId !== first!.callId)!;
  await expectRtpBothWays(desk.page, second, secondCall.callId);
  await expect
    .poll(async () => (await deskMedia(desk.page)).find((c) => c.callId === first!.callId)?.directions, { message: 'the first call is held' })
    .toEqual(HELD);
  await expect.poll(async () => (await customer.stats()).directions).toEqual(HELD_BY_FAR_SIDE);

  // Back to the first caller: 2003 is held, 2002 resumed.
  await callPanel(desk.page)
    .getByRole('button', { name: `切换到 ${customer.user}` })
    .click();
  await expect
    .poll(async () => (await deskMedia(desk.page)).find((c) => c.callId === secondCall.callId)?.directions, { message: 'the second call is held' })
    .toEqual(HELD);
  await expect.poll(async () => (await deskMedia(desk.page)).find((c) => c.callId === first!.callId)?.directions).toContain('sendrecv');
  await expectRtpBothWays(desk.page, customer, first!.callId);
  await expect(callPanel(desk.page).getByRole('button', { name: `切换到 ${second.user}` })).toBeVisible();

  await customer.hangup();
  await second.hangup();
  await finishWrapUp(desk.page);
  const calls = await newStoredCalls(desk, before, 2);
  expect(calls.map((c) => [c.direction, c.remoteNumber, c.result])).toEqual([
    ['inbound', '2002', 'answered'],
    ['inbound', '2003', 'answered'],
  ]);
});

test('registration recovers after Kamailio restarts: 已注册 → not registered → 已注册, then a call works', async () => {
  const badge = registration(desk.page);
  await expect(badge).toContainText('已注册');
  // Every text the badge shows from now on, so a short-lived state is not missed.
  // The badge's node is replaced when a reason (tooltip) comes or goes: watch the whole header.
  await desk.page.evaluate(() => {
    const header = document.querySelector('header')!;
    const seen: string[] = [];
    (window as unknown as { registrationSeen: string[] }).registrationSeen = seen;
    new MutationObserver(() => {
      const text = header.querySelector('.kefu-phone-reg')?.textContent ?? '';
      if (seen.at(-1) !== text) seen.push(text);
    }).observe(header, { subtree: true, childList: true, characterData: true });
  });
  await desk.kamailio.restart();
  await expect
    .poll(() => desk.page.evaluate(() => (window as unknown as { registrationSeen: string[] }).registrationSeen), { message: 'the badge left 已注册' })
    .toEqual(expect.arrayContaining([expect.stringMatching(/注册失败|注册中/)]));
  await expect(badge).toContainText('已注册', { timeout: 20_000 });
  const seen = await desk.page.evaluate(() => (window as unknown as { registrationSeen: string[] }).registrationSeen);
  expect(seen.at(-1)).toContain('已注册');

  await customer.reconnect();
  const before = await callIdsNow(desk);
  await customer.call(AGENT_NUMBER);
  await answerIncoming(desk.page, customer.user);
  await expectRtpBothWays(desk.page, customer);
  await callPanel(desk.page).getByRole('button', { name: '挂断' }).click();
  await finishWrapUp(desk.page);
  const [logged] = await newStoredCalls(desk, before, 1);
  expect(logged).toMatchObject({ direction: 'inbound', remoteNumber: '2002', result: 'answered' });
});
