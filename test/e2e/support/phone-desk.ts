/**
 * Shared setup of the phone specs: one backend and one workstation (browser shell), a real
 * Kamailio on loopback, the customer phone page server, agent1 with a SIP account (1001) set by
 * the admin and logged in — plus the UI steps and backend checks every phone scenario uses.
 */
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import type { StoredCall } from '../../../shared/phone.js';
import { KAMAILIO_TEST_PASSWORD, startKamailio, type Kamailio } from '../../sip/kamailio.js';
import { call, login } from './api.js';
import { AGENT1, AgentDesk } from './pages.js';
import { CustomerPhone, serveCustomerPage, type CustomerPageServer } from './phone-customer.js';
import { useStack, type Stack } from './stack.js';

export const AGENT_NUMBER = '1001';

export interface PhoneDesk {
  stack: Stack;
  kamailio: Kamailio;
  adminToken: string;
  agent: AgentDesk;
  page: Page;
  /** A customer phone registered as `user`; closed after the spec. */
  customer(browser: Browser, user: string): Promise<CustomerPhone>;
}

/** Call once at the top of a spec file (serial tests, like useStack). */
export function usePhoneDesk(): PhoneDesk {
  const stack = useStack(1);
  const desk = { stack } as PhoneDesk;
  let customerPage: CustomerPageServer;
  const phones: CustomerPhone[] = [];
  test.beforeAll(async ({ browser }) => {
    desk.kamailio = await startKamailio({ auth: true });
    customerPage = await serveCustomerPage();
    desk.adminToken = await login(stack.server.url);
    const agents = await call<{ id: string; account: string }[]>(stack.server.url, 'GET', '/api/agents', desk.adminToken);
    const agent1 = agents.find((a) => a.account === AGENT1.account)!;
    await call(stack.server.url, 'PUT', `/api/admin/agents/${agent1.id}/sip`, desk.adminToken, {
      enabled: true,
      wsServer: desk.kamailio.wsUrl,
      uri: `sip:${AGENT_NUMBER}@127.0.0.1`,
      authUser: AGENT_NUMBER,
      password: KAMAILIO_TEST_PASSWORD,
      displayName: '',
      iceServers: [],
    });
    desk.agent = await AgentDesk.open(browser, stack.desks[0]!.url);
    desk.page = desk.agent.page;
    await desk.agent.login(AGENT1);
    await expect(registration(desk.page)).toContainText('已注册', { timeout: 20_000 });
  });
  test.afterAll(async () => {
    for (const phone of phones) await phone.close();
    await desk.agent?.page.context().close();
    await customerPage?.close();
    await desk.kamailio?.stop();
  });
  desk.customer = async (browser, user) => {
    const phone = await CustomerPhone.open(browser, customerPage.url, { wsUrl: desk.kamailio.wsUrl, user, password: KAMAILIO_TEST_PASSWORD });
    phones.push(phone);
    return phone;
  };
  return desk;
}

/** The header's registration badge (未注册 / 注册中 / 已注册 / 注册失败). */
export function registration(page: Page): Locator {
  return page.getByRole('banner').getByRole('status', { name: /电话注册状态/ });
}

export async function openPhoneView(page: Page): Promise<void> {
  // The item reads "电话 N" while there are unseen missed calls.
  await page
    .getByRole('navigation', { name: '主导航' })
    .locator('.ant-segmented-item')
    .filter({ hasText: /^电话\d*$/ })
    .click();
  await expect(page.getByRole('complementary', { name: '拨号盘' })).toBeVisible();
}

export const callPanel = (page: Page): Locator => page.getByRole('region', { name: '当前通话' });
export const incomingCall = (page: Page, number: string): Locator => page.getByRole('group', { name: `来电 ${number}` });

export async function answerIncoming(page: Page, number: string): Promise<void> {
  const incoming = incomingCall(page, number);
  await expect(incoming).toBeVisible();
  await incoming.getByRole('button', { name: '接听' }).click();
  await expect(incomingCall(page, number)).toHaveCount(0);
}

export async function dialFromPad(page: Page, number: string): Promise<void> {
  await openPhoneView(page);
  const pad = page.getByRole('complementary', { name: '拨号盘' }).getByRole('group', { name: '拨号盘' });
  await pad.getByLabel('电话号码').fill(number);
  await pad.getByRole('button', { name: '呼叫' }).click();
}

/** 话后处理: pick a code and finish, so the answered call's record is synced. */
export async function finishWrapUp(page: Page): Promise<void> {
  await openPhoneView(page);
  await expect(page.getByRole('form', { name: '话后处理' })).toBeVisible();
  await page.getByLabel('处理结果').click();
  await page.locator('.ant-select-dropdown').getByText('咨询完成', { exact: true }).click();
  await page.getByRole('button', { name: '完成' }).click();
  await expect(page.locator('.kefu-wrapup')).toHaveCount(0);
}

export async function storedCalls(desk: PhoneDesk): Promise<StoredCall[]> {
  return call<StoredCall[]>(desk.stack.server.url, 'GET', '/api/calls?limit=100', desk.adminToken);
}

/** Ids already in the backend's call log: a scenario checks only the calls it made. */
export async function callIdsNow(desk: PhoneDesk): Promise<Set<string>> {
  return new Set((await storedCalls(desk)).map((c) => c.id));
}

/** Waits until the backend has `count` calls not in `before`, and returns them oldest first. */
export async function newStoredCalls(desk: PhoneDesk, before: Set<string>, count: number): Promise<StoredCall[]> {
  let fresh: StoredCall[] = [];
  await expect
    .poll(
      async () => {
        fresh = (await storedCalls(desk)).filter((c) => !before.has(c.id)).sort((a, b) => a.startedAt - b.startedAt);
        return fresh.length;
      },
      { message: `${count} new call(s) in the backend's call log`, timeout: 15_000 },
    )
    .toBe(count);
  return fresh;
}
