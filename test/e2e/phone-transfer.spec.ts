/**
 * DTMF and transfer (转接) through the workstation UI with REAL media: a real Kamailio, the backend,
 * the workstation (browser shell, services + media page) and customer phones (plain sip.js pages
 * that follow REFER like desk phones), all in Chromium with fake audio. Each scenario checks who
 * ends up talking to whom (RTP between the right pages, getStats) and the backend's call log.
 * Runs as the `phone` project inside a private network namespace (scripts/test.sh).
 */
import { expect, test } from '@playwright/test';
import { AGENT_NUMBER, answerIncoming, callIdsNow, callPanel, finishWrapUp, newStoredCalls, usePhoneDesk } from './support/phone-desk.js';
import { deskMedia, expectRtpBetween, expectRtpBothWays } from './support/phone-media.js';
import type { CustomerPhone } from './support/phone-customer.js';

const desk = usePhoneDesk();
let customer: CustomerPhone;
let target: CustomerPhone;

test.beforeAll(async ({ browser }) => {
  customer = await desk.customer(browser, '2002');
  target = await desk.customer(browser, '2003');
});

/** The customer calls the agent, who answers in the UI; RTP flows both ways. */
async function customerOnTheLine(): Promise<void> {
  await customer.call(AGENT_NUMBER);
  await answerIncoming(desk.page, customer.user);
  await expectRtpBothWays(desk.page, customer);
}

async function pressKeys(digits: string): Promise<void> {
  await callPanel(desk.page).getByRole('button', { name: '按键' }).click();
  const keypad = desk.page.getByRole('group', { name: '按键' });
  for (const digit of digits) await keypad.getByRole('button', { name: `发送按键 ${digit}` }).click();
  await desk.page.keyboard.press('Escape');
}

async function openTransfer(mode: '直接转接' | '咨询转接', number: string): Promise<void> {
  await callPanel(desk.page).getByRole('button', { name: '转接' }).click();
  const dialog = desk.page.getByRole('dialog', { name: '转接' });
  await dialog.getByText(mode, { exact: true }).click();
  await dialog.getByLabel('转接号码').fill(number);
  await dialog.getByRole('button', { name: mode === '直接转接' ? '转接' : '呼叫目标' }).click();
}

async function hangUpEverywhere(): Promise<void> {
  for (const phone of [customer, target]) while ((await phone.openCalls()) > 0) await phone.hangup();
  await expect.poll(async () => (await deskMedia(desk.page)).length, { message: 'no peer connection left on the desk' }).toBe(0);
}

test.afterEach(async () => {
  await hangUpEverywhere();
});

test('DTMF: keypad digits go out as RFC 4733 when the customer negotiated telephone-event, else as SIP INFO the customer receives', async () => {
  const before = await callIdsNow(desk);
  await customerOnTheLine();
  await pressKeys('5#');
  // RTP: the desk's DTMF sender plays the tones; nothing arrives as INFO.
  await expect.poll(async () => (await deskMedia(desk.page))[0]?.dtmfPlayed).toBe('5#');
  expect(await customer.dtmf()).toBe('');
  await customer.hangup();
  await finishWrapUp(desk.page);

  // The customer's SDP has no telephone-event: the services fall back to SIP INFO, in order.
  await customer.setNoRtpDtmf(true);
  try {
    await customerOnTheLine();
    await pressKeys('12*9');
    await expect.poll(() => customer.dtmf(), { message: 'digits arrive at the customer as SIP INFO' }).toBe('12*9');
    expect((await deskMedia(desk.page))[0]?.dtmfPlayed).toBe('');
    await customer.hangup();
    await finishWrapUp(desk.page);
  } finally {
    await customer.setNoRtpDtmf(false);
  }
  const calls = await newStoredCalls(desk, before, 2);
  expect(calls.map((c) => [c.direction, c.remoteNumber, c.result])).toEqual([
    ['inbound', '2002', 'answered'],
    ['inbound', '2002', 'answered'],
  ]);
});

test('blind transfer (直接转接): the customer ends up talking to 2003 with RTP between them; the agent’s call is logged as transferred', async () => {
  const before = await callIdsNow(desk);
  await customerOnTheLine();
  await openTransfer('直接转接', target.user);
  await target.answerWhenRinging();

  await expectRtpBetween(customer, target);
  expect(await customer.peer()).toBe(target.user);
  expect(await target.peer()).toBe(customer.user);
  await expect.poll(async () => (await deskMedia(desk.page)).length, { message: 'the agent left the call' }).toBe(0);
  await expect(callPanel(desk.page)).toHaveCount(0);
  await finishWrapUp(desk.page);
  const [logged] = await newStoredCalls(desk, before, 1);
  expect(logged).toMatchObject({ direction: 'inbound', remoteNumber: '2002', result: 'transferred', localUri: `sip:${AGENT_NUMBER}@127.0.0.1` });
  expect(logged!.answeredAt).not.toBeNull();
});

test('attended transfer (咨询转接): the agent consults 2003 while 2002 is held, completes, and 2002 talks to 2003', async () => {
  const before = await callIdsNow(desk);
  await customerOnTheLine();
  await openTransfer('咨询转接', target.user);
  await target.answerWhenRinging();
  await expect(callPanel(desk.page).getByText(`正在咨询 ${target.user}`)).toBeVisible();
  // The agent talks to 2003; the customer is held (it receives no media direction to send to).
  // The consultation leg is the one sending both ways; wait for it, since its peer connection may
  // still be connecting when the panel already says 正在咨询 (without it, the held leg is measured).
  const consultLeg = async () => (await deskMedia(desk.page)).find((c) => c.directions.includes('sendrecv') && c.connectionState === 'connected');
  await expect.poll(async () => (await consultLeg())?.callId, { message: 'the consultation leg is connected', timeout: 15_000 }).toBeDefined();
  await expectRtpBothWays(desk.page, target, (await consultLeg())!.callId);
  await expect.poll(async () => (await customer.stats()).directions).toEqual(expect.arrayContaining([expect.stringMatching(/^(recvonly|inactive)$/)]));

  await callPanel(desk.page).getByRole('button', { name: '完成转接' }).click();
  await expectRtpBetween(customer, target);
  expect(await customer.peer()).toBe(target.user);
  // 2003's consultation call was replaced (RFC 3891): it has one call left, with the customer.
  await expect.poll(() => target.openCalls()).toBe(1);
  expect(await target.peer()).toBe(customer.user);
  await expect.poll(async () => (await deskMedia(desk.page)).length, { message: 'both agent legs ended' }).toBe(0);
  await finishWrapUp(desk.page);
  const calls = await newStoredCalls(desk, before, 2);
  expect(calls.map((c) => [c.direction, c.remoteNumber, c.result])).toEqual([
    ['inbound', '2002', 'transferred'],
    ['outbound', '2003', 'transferred'],
  ]);
});

test('blind transfer to a target that rejects (486): the customer stays with the agent, the call says so, media still flows', async () => {
  const before = await callIdsNow(desk);
  await customerOnTheLine();
  await openTransfer('直接转接', target.user);
  await target.rejectWhenRinging(486);

  await expect(
    callPanel(desk.page)
      .getByRole('status')
      .filter({ hasText: `转接 ${target.user} 失败` }),
  ).toBeVisible();
  await expect(callPanel(desk.page).getByText('通话中')).toBeVisible();
  await expectRtpBothWays(desk.page, customer);
  expect(await customer.peer()).toBe(AGENT_NUMBER);
  await callPanel(desk.page).getByRole('button', { name: '挂断' }).click();
  await finishWrapUp(desk.page);
  const [logged] = await newStoredCalls(desk, before, 1);
  expect(logged).toMatchObject({ direction: 'inbound', remoteNumber: '2002', result: 'answered' });
});
