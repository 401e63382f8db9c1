/**
 * 对话记录 end to end: two agents chat with visitors; agent 1 sees only their own ended
 * conversations, narrows them by a keyword in the messages, reads a transcript and exports the
 * CSV (UTF-8 with BOM for Excel); the admin sees everyone's.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { call, login } from './support/api.js';
import { ADMIN, AGENT1, AGENT2, AgentDesk, VisitorWidget } from './support/pages.js';
import { useStack } from './support/stack.js';
import type { Agent } from '../../shared/index.js';

const stack = useStack(2);

async function openRecords(page: Page) {
  await page.getByRole('navigation', { name: '主导航' }).getByText('对话记录').click();
  await expect(page.getByRole('region', { name: '对话记录' })).toBeVisible();
}

const recordRows = (page: Page) => page.getByRole('region', { name: '对话记录' }).locator('.ant-table-tbody tr.ant-table-row');

test('agents see their own records, filter by keyword, read a transcript and export CSV; the admin sees all', async ({ browser }) => {
  const server = stack.server.url;
  const admin = await login(server);
  const agents = await call<Agent[]>(server, 'GET', '/api/agents', admin);
  const idOf = (account: string) => agents.find((a) => a.account === account)!.id;

  const agent1 = await AgentDesk.open(browser, stack.desks[0]!.url);
  const agent2 = await AgentDesk.open(browser, stack.desks[1]!.url);
  await agent1.login(AGENT1);
  await agent2.login(AGENT2);
  await agent1.setStatus('在线');
  await agent2.setStatus('在线');

  /** A visitor asks a named agent (指定客服), the agent answers, the visitor ends the chat. */
  async function chat(agent: AgentDesk, account: string, question: string, answer: string): Promise<string> {
    const visitor = await VisitorWidget.open(browser, server, `?agent=${idOf(account)}`);
    await visitor.startChat();
    await visitor.send(question);
    const roomNo = await visitor.roomNo(server);
    await agent.openConversation(roomNo);
    await expect(agent.messageLog().getByText(question)).toBeVisible();
    await agent.send(answer);
    await expect(visitor.page.getByText(answer)).toBeVisible();
    await call(server, 'POST', '/api/visitor/conversation/end', await visitor.token());
    await visitor.page.context().close();
    return roomNo;
  }

  const refund = await chat(agent1, 'agent1', '我想办理退货', '好的，请提供订单号');
  const hours = await chat(agent1, 'agent1', '你们几点下班', '晚上九点');
  const other = await chat(agent2, 'agent2', '退货运费谁出', '我们承担');

  // Agent 1: only their own two.
  await openRecords(agent1.page);
  const region = agent1.page.getByRole('region', { name: '对话记录' });
  await expect(recordRows(agent1.page)).toHaveCount(2);
  await expect(region.getByText(refund)).toBeVisible();
  await expect(region.getByText(hours)).toBeVisible();
  await expect(region.getByText(other)).toHaveCount(0);

  // Keyword in the messages: 退货 matches agent 1's first chat only (agent 2's is not theirs).
  await region.getByRole('textbox', { name: '关键词' }).fill('退货');
  await region.getByRole('button', { name: /查询/ }).click();
  await expect(recordRows(agent1.page)).toHaveCount(1);
  await expect(region.getByText(refund)).toBeVisible();

  // The transcript.
  await region.getByRole('button', { name: `查看 ${refund} 的对话` }).click();
  const drawer = agent1.page.getByRole('dialog', { name: `对话详情 ${refund}` });
  await expect(drawer.getByText('我想办理退货')).toBeVisible();
  await expect(drawer.getByText('好的，请提供订单号')).toBeVisible();
  await drawer
    .getByRole('button', { name: /close|关闭/i })
    .first()
    .click();
  await expect(drawer).toBeHidden();

  // CSV export of what is shown: BOM, header, one row.
  const downloading = agent1.page.waitForEvent('download');
  await region.getByRole('button', { name: /导出 CSV/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).trim().split(/\r?\n/);
  expect(lines[0]).toContain('房间号');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(refund);
  expect(lines[1]).toContain('小王');
  expect(bytes.toString('utf8')).not.toContain(other);

  // The admin (on agent 2's workstation, after agent 2 logs out) sees all three.
  await agent2.page.getByRole('button', { name: /退出登录/ }).click();
  await expect(agent2.page.getByLabel('账号')).toBeVisible();
  await agent2.login(ADMIN);
  await openRecords(agent2.page);
  await expect(recordRows(agent2.page)).toHaveCount(3);
  for (const roomNo of [refund, hours, other]) await expect(agent2.page.getByRole('region', { name: '对话记录' }).getByText(roomNo)).toBeVisible();
});
