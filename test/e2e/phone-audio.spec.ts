/**
 * The softphone's audio with REAL media. Device selection (音频设备): the chosen microphone is the
 * one captured, the chosen speaker the one played on. Mute in a three-way call (三方通话): the agent's mix sent to 2002 carries the
 * agent's microphone and 2003's voice. Muting must silence only the agent's microphone in it.
 * Chromium's fake microphone beeps on every page; the level 2002 receives (Web Audio analyser on
 * its remote stream) tells which sources are in the mix: 2003 talking / 2003 silent.
 * Runs as the `phone` project inside a private network namespace (scripts/test.sh).
 */
import { expect, test } from '@playwright/test';
import { AGENT_NUMBER, answerIncoming, callPanel, dialFromPad, openPhoneView, usePhoneDesk } from './support/phone-desk.js';
import { deskMedia, expectRtpBothWays } from './support/phone-media.js';
import type { CustomerPhone } from './support/phone-customer.js';

const desk = usePhoneDesk();
let customer: CustomerPhone;
let third: CustomerPhone;

test.beforeAll(async ({ browser }) => {
  customer = await desk.customer(browser, '2002');
  third = await desk.customer(browser, '2003');
});

/** A level above this is a beep; below it, silence (the fake microphone's beeps peak near 0.3–1). */
const AUDIBLE = 0.02;
/** Long enough to catch at least one of the fake microphone's beeps. */
const WINDOW_MS = 1500;
const heardBy = (phone: CustomerPhone) => phone.receivedLevel(WINDOW_MS);

test('muting the agent in a three-way call keeps the other party audible in the mix', async () => {
  await customer.call(AGENT_NUMBER);
  await answerIncoming(desk.page, customer.user);
  await expectRtpBothWays(desk.page, customer);
  const [first] = await deskMedia(desk.page);
  await dialFromPad(desk.page, third.user);
  await third.answerWhenRinging();
  await expect.poll(async () => (await deskMedia(desk.page)).length).toBe(2);
  const thirdCall = (await deskMedia(desk.page)).find((c) => c.callId !== first!.callId)!;
  await expectRtpBothWays(desk.page, third, thirdCall.callId);

  const panel = callPanel(desk.page);
  await panel.getByRole('button', { name: '三方通话' }).click();
  await expect.poll(async () => (await deskMedia(desk.page)).map((c) => c.mixed)).toEqual([true, true]);
  await expectRtpBothWays(desk.page, customer, first!.callId);
  // Baseline: 2002 hears something (the agent and 2003).
  await expect.poll(() => heardBy(customer), { message: '2002 hears the three-way call' }).toBeGreaterThan(AUDIBLE);

  await panel.getByRole('button', { name: '静音', exact: true }).click();
  await expect(panel.getByRole('button', { name: '取消静音' })).toBeVisible();
  // Both legs say muted: the agent has one microphone.
  await expect(panel.getByText('静音', { exact: true })).toHaveCount(2);

  // 2003 falls silent: with the agent muted, 2002 must now hear silence…
  await third.setMicEnabled(false);
  await expect.poll(() => heardBy(customer), { message: 'the agent’s microphone is out of the mix' }).toBeLessThan(AUDIBLE);
  // …and when 2003 speaks again, 2002 hears 2003 through the (muted) agent's mix.
  await third.setMicEnabled(true);
  await expect.poll(() => heardBy(customer), { message: '2003 is still mixed in while the agent is muted' }).toBeGreaterThan(AUDIBLE);
  // The same holds the other way round: 2003 hears 2002 while the agent is muted.
  await customer.setMicEnabled(false);
  await expect.poll(() => heardBy(third), { message: 'the agent’s microphone is out of 2003’s mix too' }).toBeLessThan(AUDIBLE);
  await customer.setMicEnabled(true);
  await expect.poll(() => heardBy(third), { message: '2002 is still mixed in for 2003' }).toBeGreaterThan(AUDIBLE);

  // Unmute with 2003 silent: 2002 hears the agent again.
  await third.setMicEnabled(false);
  await panel.getByRole('button', { name: '取消静音' }).click();
  await expect.poll(() => heardBy(customer), { message: 'the agent is audible again after unmute' }).toBeGreaterThan(AUDIBLE);
  await third.setMicEnabled(true);

  await third.hangup();
  await customer.hangup();
  await expect.poll(async () => (await deskMedia(desk.page)).length).toBe(0);
});

test('audio devices (音频设备): the next call captures the chosen microphone and plays on the chosen speaker', async () => {
  // Chromium lists its fake devices by id and name once the page may use the microphone.
  await desk.page.evaluate(async () => (await navigator.mediaDevices.getUserMedia({ audio: true })).getTracks().forEach((track) => track.stop()));
  await desk.page.getByRole('navigation', { name: '主导航' }).getByText('对话', { exact: true }).click();
  await openPhoneView(desk.page);
  const devices = await desk.page.evaluate(async () =>
    (await navigator.mediaDevices.enumerateDevices())
      .filter((d) => d.kind !== 'videoinput' && d.deviceId && d.deviceId !== 'default')
      .map((d) => ({ kind: d.kind, deviceId: d.deviceId, label: d.label })),
  );
  const named = (kind: string) => devices.filter((d) => d.kind === kind).map((d, i) => ({ ...d, label: d.label || `设备 ${i + 1}` }));
  const input = named('audioinput').at(-1);
  const output = named('audiooutput').at(-1);
  expect(input, 'Chromium offers fake microphones').toBeDefined();
  const form = desk.page.getByRole('form', { name: '音频设备' });
  await form.getByLabel('麦克风').click();
  await desk.page.locator('.ant-select-dropdown:visible').getByText(input!.label, { exact: true }).click();
  if (output) {
    await form.getByLabel('扬声器').click();
    await desk.page.locator('.ant-select-dropdown:visible').getByText(output.label, { exact: true }).click();
  }

  await customer.call(AGENT_NUMBER);
  await answerIncoming(desk.page, customer.user);
  await expectRtpBothWays(desk.page, customer);
  await expect.poll(async () => (await deskMedia(desk.page))[0]?.inputDeviceId, { message: 'getUserMedia used the chosen microphone' }).toBe(input!.deviceId);
  // Headless Chromium may list no speakers; then there is nothing to route (the default plays).
  if (output)
    await expect
      .poll(async () => (await deskMedia(desk.page))[0]?.outputSinkId, { message: 'setSinkId moved the call to the chosen speaker' })
      .toBe(output.deviceId);
  await customer.hangup();
  await expect.poll(async () => (await deskMedia(desk.page)).length).toBe(0);
  console.log(`devices: microphone ${input!.label}, speaker ${output?.label ?? '(none listed)'}`);
});
