/** Reads the workstation's peer connections (window.__kefuPhoneMedia) and checks RTP both ways. */
import { expect, type Page } from '@playwright/test';
import type { CustomerPhone, PeerStats } from './phone-customer.js';

export interface DeskCallMedia extends PeerStats {
  callId: string;
  /** The call sends the three-way call's mixed track (三方通话). */
  mixed: boolean;
  /** DTMF tones the desk's RTP sender played for this call. */
  dtmfPlayed: string;
  inputDeviceId: string | null;
  outputSinkId: string | null;
}

export function deskMedia(page: Page): Promise<DeskCallMedia[]> {
  return page.evaluate(async () => {
    const probe = (window as unknown as { __kefuPhoneMedia?: { calls(): Promise<DeskCallMedia[]> } }).__kefuPhoneMedia;
    return probe ? probe.calls() : [];
  });
}

/** Both peer connections connected, and each side's inbound-rtp count grows (so RTP flows now). `callId`: which desk call (default the first). */
export async function expectRtpBothWays(page: Page, customer: CustomerPhone, callId?: string): Promise<void> {
  const desk = async () => {
    const calls = await deskMedia(page);
    return callId === undefined ? calls[0] : calls.find((c) => c.callId === callId);
  };
  await expect.poll(async () => (await desk())?.connectionState, { message: 'workstation peer connection', timeout: 15_000 }).toBe('connected');
  await expect.poll(async () => (await customer.stats()).connectionState, { message: 'customer peer connection', timeout: 15_000 }).toBe('connected');
  const deskBefore = (await desk())?.packetsReceived ?? 0;
  const customerBefore = (await customer.stats()).packetsReceived;
  await expect.poll(async () => (await desk())?.packetsReceived ?? 0, { message: 'RTP reaches the workstation', timeout: 10_000 }).toBeGreaterThan(deskBefore);
  await expect
    .poll(async () => (await customer.stats()).packetsReceived, { message: 'RTP reaches the customer', timeout: 10_000 })
    .toBeGreaterThan(customerBefore);
}

/** Two customer phones talk to each other: both connected, each receiving RTP now. */
export async function expectRtpBetween(a: CustomerPhone, b: CustomerPhone): Promise<void> {
  for (const [phone, other] of [
    [a, b],
    [b, a],
  ] as const) {
    await expect.poll(() => phone.peer(), { message: `${phone.user} talks to ${other.user}`, timeout: 15_000 }).toBe(other.user);
    await expect.poll(async () => (await phone.stats()).connectionState, { message: `${phone.user} peer connection`, timeout: 15_000 }).toBe('connected');
  }
  for (const phone of [a, b]) {
    const before = (await phone.stats()).packetsReceived;
    await expect.poll(async () => (await phone.stats()).packetsReceived, { message: `RTP reaches ${phone.user}`, timeout: 10_000 }).toBeGreaterThan(before);
  }
}
