/**
 * 知识库 end to end: an admin adds entries over REST; the agent searches the workstation's local
 * cache with a 2-character and a 4-character query, sees the matches highlighted, and a click puts
 * the answer into the input box (not sent). An answer with a script tag shows as text.
 */
import { expect, test } from '@playwright/test';
import type { KnowledgeEntry } from '../../shared/knowledge.js';
import { call, login } from './support/api.js';
import { AGENT1, AgentDesk, VisitorWidget } from './support/pages.js';
import { useStack } from './support/stack.js';

const stack = useStack(1);

test('the agent finds an answer by 2 and 4 characters and puts it into the input box', async ({ browser }) => {
  const admin = await login(stack.server.url);
  const category = await call<{ id: string }>(stack.server.url, 'POST', '/api/admin/knowledge/categories', admin, { name: '售后' });
  await call<KnowledgeEntry>(stack.server.url, 'POST', '/api/admin/knowledge/entries', admin, {
    question: '退货流程是什么？',
    categoryId: category.id,
    keywords: ['退货', '退款'],
    answer: '<p>收到商品<b>七天内</b>可在订单页申请退货。</p>',
  });
  await call<KnowledgeEntry>(stack.server.url, 'POST', '/api/admin/knowledge/entries', admin, {
    question: '发票怎么开',
    answer: '<script>window.__kbHacked = true</script>在订单详情页申请发票。',
  });

  const agent = await AgentDesk.open(browser, stack.desks[0]!.url);
  await agent.login(AGENT1);
  await agent.setStatus('在线');
  const visitor = await VisitorWidget.open(browser, stack.server.url);
  await visitor.startChat();
  await visitor.send('你好，我想问一下退货流程');
  const roomNo = await visitor.roomNo(stack.server.url);
  await agent.openConversation(roomNo);

  await agent.page.getByRole('tab', { name: '知识库' }).click();
  const search = agent.page.getByRole('searchbox', { name: '搜索知识库' }).or(agent.page.getByLabel('搜索知识库')).first();
  const results = agent.page.getByRole('list', { name: '搜索结果' });

  await search.fill('退货');
  await search.press('Enter');
  const hit = results.getByRole('button', { name: /插入答案：退货流程是什么/ });
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark').first()).toHaveText('退货');

  await search.fill('退货流程');
  await search.press('Enter');
  await expect(hit.locator('.kefu-kb-question mark')).toHaveText('退货流程');

  await hit.click();
  const input = agent.page.getByRole('textbox', { name: '输入消息' });
  await expect(input).toHaveValue('收到商品七天内可在订单页申请退货。');

  // The answer with a script tag: the preview shows it as text and nothing runs.
  await search.fill('发票');
  await search.press('Enter');
  await results.getByRole('button', { name: '预览：发票怎么开' }).click();
  const preview = agent.page.getByRole('region', { name: '答案预览' });
  await expect(preview).toContainText('<script>window.__kbHacked = true</script>在订单详情页申请发票。');
  await expect(preview.locator('script')).toHaveCount(0);
  expect(await agent.page.evaluate(() => (window as unknown as { __kbHacked?: boolean }).__kbHacked)).toBeUndefined();
  await agent.page.getByRole('button', { name: '插入到输入框' }).click();
  await expect(input).toHaveValue(/收到商品七天内可在订单页申请退货。<script>window.__kbHacked = true<\/script>在订单详情页申请发票。/);
});
