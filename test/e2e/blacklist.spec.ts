/**
 * 黑名单 as an admin uses it, in Chromium against the real server: a visitor chatting with an agent
 * is put on the blacklist in the console — their widget shows the notice at once and offers no
 * input, the server refuses their sends, and what they said stays in the records. Removing the
 * entry lets them start a new chat.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { call, login, textsFrom, transcript } from './support/api.js';
import { AGENT1, ADMIN, AgentDesk, VisitorWidget } from './support/pages.js';
import { useStack } from './support/stack.js';
import type { Conversation } from '../../shared/index.js';

const stack = useStack(1);

async function openConsole(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${stack.server.url}/admin#/blacklist`);
  await page.getByLabel('账号').fill(ADMIN.account);
  await page.getByLabel('密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('navigation', { name: '管理中心导航' })).toBeVisible();
  return page;
}

test('an admin blacklists a chatting visitor: the widget shows the notice live and cannot send; removing lets them start again', async ({ browser }) => {
  const desk = await AgentDesk.open(browser, stack.desks[0]!.url);
  await desk.login(AGENT1);
  await desk.setStatus('在线');

  const visitor = await VisitorWidget.open(browser, stack.server.url);
  await visitor.startChat();
  await visitor.send('你们的产品太差了');
  const roomNo = await visitor.roomNo(stack.server.url);
  await desk.openConversation(roomNo);
  await expect(desk.messageLog().getByText('你们的产品太差了')).toBeVisible();
  const token = await visitor.token();
  const session = await call<{ visitor: { id: string }; conversation: Conversation }>(stack.server.url, 'POST', '/api/visitor/session', undefined, { token });

  // 管理中心 → 黑名单 → 加入黑名单, the visitor by id.
  const console = await openConsole(browser);
  await expect(console.getByRole('heading', { name: '黑名单', level: 1 })).toBeVisible();
  await console.getByRole('button', { name: '加入黑名单' }).click();
  const form = console.getByRole('dialog');
  await form.getByLabel('访客 ID').fill(session.visitor.id);
  await form.getByLabel('原因').fill('辱骂客服');
  await form.getByRole('button', { name: '加入黑名单' }).click();
  await expect(form).toHaveCount(0);
  const table = console.getByRole('table', { name: '黑名单列表' });
  await expect(table.getByText('辱骂客服')).toBeVisible();

  // The visitor's widget shows the notice at once, with no input left to send from.
  await expect(visitor.page.getByRole('alert')).toContainText('抱歉，您暂时无法发起咨询。');
  await expect(visitor.page.getByRole('textbox', { name: '输入消息' })).toHaveCount(0);
  // The server refuses a send all the same, and what the visitor said before is kept.
  const refused = await fetch(`${stack.server.url}/api/conversations/${session.conversation.id}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: crypto.randomUUID(), kind: 'text', text: '我还要说' }),
  });
  expect(refused.status).toBe(403);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('BLOCKED');
  const adminToken = await login(stack.server.url);
  const messages = await transcript(stack.server.url, adminToken, session.conversation.id);
  expect(textsFrom(messages, 'visitor')).toEqual(['你们的产品太差了']);
  // The agent sees the conversation end, saying why.
  await expect(desk.messageLog().getByText('访客已被加入黑名单，对话已结束')).toBeVisible();

  // 移出, confirmed: the visitor can start again.
  await console.getByRole('button', { name: /将 .* 移出黑名单/ }).click();
  await console.getByRole('dialog').getByRole('button', { name: '移出' }).click();
  await expect(table.getByText('辱骂客服')).toHaveCount(0);
  await visitor.page.getByRole('button', { name: '重新咨询' }).click();
  await visitor.startChat();
  await visitor.send('刚才抱歉，我想问下退货');
  await expect(visitor.page.getByText('刚才抱歉，我想问下退货')).toBeVisible();
  await desk.openConversation(await visitor.roomNo(stack.server.url));
  await expect(desk.messageLog().getByText('刚才抱歉，我想问下退货')).toBeVisible();
});
