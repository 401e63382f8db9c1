/**
 * Never miss a chat: a queued visitor's chime repeats (at the interval set in 提醒设置) until the
 * agent accepts, and turning that event's sound off stops it while the visitor still waits. The
 * chime is Web Audio; the page's AudioContext is watched from an init script, nothing is faked.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { call, login } from './support/api.js';
import { AGENT1, AGENT2, AgentDesk, VisitorWidget } from './support/pages.js';
import { useStack } from './support/stack.js';
import type { Agent } from '../../shared/index.js';

const stack = useStack(2);

/** A workstation page whose chimes are counted (each chime starts two oscillators). */
async function openCountingDesk(browser: Browser, shellUrl: string): Promise<AgentDesk> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const counter = window as unknown as { __kefuOscillators: number };
    counter.__kefuOscillators = 0;
    const original = BaseAudioContext.prototype.createOscillator;
    BaseAudioContext.prototype.createOscillator = function (this: BaseAudioContext) {
      counter.__kefuOscillators += 1;
      return original.call(this);
    };
  });
  await page.goto(shellUrl);
  return new AgentDesk(page);
}

const chimes = (page: Page) => page.evaluate(() => Math.floor((window as unknown as { __kefuOscillators: number }).__kefuOscillators / 2));

async function openSettings(page: Page) {
  await page.getByRole('button', { name: /设置$/ }).first().click();
  await expect(page.getByRole('region', { name: '提醒设置' })).toBeVisible();
}

async function closeSettings(page: Page) {
  // The dialog's ×: Escape reaches the dialog only while focus is inside it, and blur() left it on the page.
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^(关闭|Close)$/ })
    .click();
  await expect(page.getByRole('region', { name: '提醒设置' })).toBeHidden();
}

test('a queued visitor chimes until accepted; with the sound off it stays silent', async ({ browser }) => {
  const admin = await login(stack.server.url);
  const agents = await call<Agent[]>(stack.server.url, 'GET', '/api/agents', admin);
  await call(stack.server.url, 'PATCH', `/api/admin/agents/${agents.find((a) => a.account === 'agent1')!.id}`, admin, { maxConcurrent: 1 });

  const agent1 = await AgentDesk.open(browser, stack.desks[0]!.url);
  await agent1.login(AGENT1);
  await agent1.setStatus('在线');
  const agent2 = await openCountingDesk(browser, stack.desks[1]!.url);
  await agent2.login(AGENT2);
  await agent2.setStatus('忙碌');

  // 提醒设置: a queued visitor repeats every 2 s (saved on blur by the services).
  await openSettings(agent2.page);
  const interval = agent2.page.getByRole('spinbutton', { name: '新的排队访客：重复间隔（秒）' });
  await interval.fill('2');
  await interval.blur();
  await closeSettings(agent2.page);
  await openSettings(agent2.page);
  await expect(agent2.page.getByRole('spinbutton', { name: '新的排队访客：重复间隔（秒）' })).toHaveValue('2');
  await closeSettings(agent2.page);

  const first = await VisitorWidget.open(browser, stack.server.url);
  await first.startChat();
  await expect(first.page.getByText('客服 小王 为您服务')).toBeVisible();
  expect(await chimes(agent2.page)).toBe(0);

  const waiting = await VisitorWidget.open(browser, stack.server.url);
  await waiting.startChat();
  await expect(waiting.page.getByText(/排队中/)).toBeVisible();
  const roomNo = await waiting.roomNo(stack.server.url);
  // One chime on arrival, then one every 2 s while nobody acts.
  await expect.poll(() => chimes(agent2.page), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);

  await agent2.page.getByRole('switch', { name: '显示队列' }).click();
  const queue = agent2.page.getByRole('region', { name: '访客队列' });
  await queue.getByRole('button', { name: `接收对话 ${roomNo}` }).click();
  await expect(agent2.visitorRow(roomNo)).toBeVisible();
  await expect(queue.getByText(roomNo)).toHaveCount(0);
  const afterAccept = await chimes(agent2.page);
  await agent2.page.waitForTimeout(5_000);
  expect(await chimes(agent2.page)).toBe(afterAccept);

  // Another visitor queues (agent 1 full, agent 2 busy): the chime repeats again …
  const another = await VisitorWidget.open(browser, stack.server.url);
  await another.startChat();
  await expect(another.page.getByText(/排队中/)).toBeVisible();
  const anotherRoom = await another.roomNo(stack.server.url);
  await expect.poll(() => chimes(agent2.page), { timeout: 15_000 }).toBeGreaterThanOrEqual(afterAccept + 2);

  // … until the agent turns that event's sound off; the visitor is still waiting, the chime is not.
  await openSettings(agent2.page);
  const sound = agent2.page.getByRole('switch', { name: '新的排队访客：声音' });
  await sound.click();
  await expect(sound).toHaveAttribute('aria-checked', 'false');
  await closeSettings(agent2.page);
  const silenced = await chimes(agent2.page);
  await agent2.page.waitForTimeout(5_000);
  expect(await chimes(agent2.page)).toBe(silenced);
  await expect(queue.getByText(anotherRoom)).toBeVisible();
});
