/**
 * The agent toolkit's rules end to end (issue 5): 自动应答 (greeting on accept, one busy reply),
 * bad input and authorization on canned phrases, a knowledge spreadsheet with broken rows, and
 * 未响应 — a conversation nobody answers goes back to the queue and the agent to 离开, shown as 未响应.
 */
import { expect, test } from '@playwright/test';
import type { Agent } from '../../shared/domain.js';
import type { KnowledgeImportResult } from '../../shared/knowledge.js';
import type { AutoReplyState, CompanyAutoReply, Phrase, PhraseList } from '../../shared/phrases.js';
import { call, login, transcript } from './support/api.js';
import { AGENT1, AGENT2, AgentDesk, VisitorWidget } from './support/pages.js';
import { useStack } from './support/stack.js';

/** A request that may be refused: status and body, never a throw. */
async function attempt(
  serverUrl: string,
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<{ status: number; body: { error?: { code: string } } }> {
  const res = await fetch(serverUrl + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
}

test.describe('one agent', () => {
  const stack = useStack(1);

  test('自动应答: the greeting on accept, then one busy reply while 忙碌', async ({ browser }) => {
    const agent = await AgentDesk.open(browser, stack.desks[0]!.url);
    await agent.login(AGENT1);
    await agent.setStatus('在线');

    const panel = agent.page.getByRole('region', { name: '自动应答' });
    await agent.page.getByRole('tab', { name: '自动应答' }).click();
    await panel.getByRole('switch', { name: '使用公司默认设置' }).click();
    await panel.getByRole('checkbox', { name: '接入对话时发送问候语' }).check();
    await panel.getByRole('textbox', { name: '问候语' }).fill('您好，我是{客服昵称}，请问有什么可以帮您？');
    await panel.getByRole('checkbox', { name: /忙碌\/离开时自动回复/ }).check();
    await panel.getByRole('textbox', { name: '忙碌自动回复' }).fill('客服小王正在忙，请稍候片刻。');
    await panel.getByRole('button', { name: '保存' }).click();
    await expect(agent.page.getByText('已保存')).toBeVisible();

    const token = await login(stack.server.url, AGENT1);
    const saved = await call<AutoReplyState>(stack.server.url, 'GET', '/api/me/auto-reply', token);
    expect(saved.mine).toEqual({
      greetingEnabled: true,
      greeting: '您好，我是{客服昵称}，请问有什么可以帮您？',
      busyEnabled: true,
      busyReply: '客服小王正在忙，请稍候片刻。',
    });

    // Accepted (auto-assigned to the only online agent) → the greeting, variables filled in.
    const visitor = await VisitorWidget.open(browser, stack.server.url);
    await visitor.startChat();
    await expect(visitor.page.getByText('您好，我是小王，请问有什么可以帮您？')).toBeVisible();
    const roomNo = await visitor.roomNo(stack.server.url);
    await agent.openConversation(roomNo);
    await expect(agent.messageLog().getByText('您好，我是小王，请问有什么可以帮您？')).toBeVisible();

    // Online: the visitor's message gets no automatic reply.
    await visitor.send('在吗？');
    await expect(agent.messageLog().getByText('在吗？')).toBeVisible();

    await agent.setStatus('忙碌');
    await visitor.send('我想查一下订单');
    await expect(visitor.page.getByText('客服小王正在忙，请稍候片刻。')).toBeVisible();
    await visitor.send('订单号 123');
    await expect(agent.messageLog().getByText('订单号 123')).toBeVisible();
    // A person's answer comes after the engine had its turn for the last visitor message.
    await agent.send('好的，我来查');
    await expect(visitor.page.getByText('好的，我来查')).toBeVisible();

    const admin = await login(stack.server.url);
    const conversationId = (
      await call<{ conversation: { id: string } }>(stack.server.url, 'POST', '/api/visitor/session', undefined, { token: await visitor.token() })
    ).conversation.id;
    const agentTexts = (await transcript(stack.server.url, admin, conversationId)).filter((m) => m.sender === 'agent').map((m) => m.text);
    // Exactly one greeting and one busy reply (one per conversation), in order, then the person.
    expect(agentTexts).toEqual(['您好，我是小王，请问有什么可以帮您？', '客服小王正在忙，请稍候片刻。', '好的，我来查']);
    await agent.setStatus('在线');
  });

  test('phrases: an oversized one is refused in the modal; no public edit controls; REST edits of others’ phrases → 403', async ({ browser }) => {
    const url = stack.server.url;
    const agent1 = await login(url, AGENT1);
    const agent2 = await login(url, AGENT2);
    const other = await call<Phrase>(url, 'POST', '/api/phrases', agent2, {
      scope: 'personal',
      categoryId: null,
      kind: 'text',
      title: '小李的常用语',
      content: '我是小李',
    });
    const before = await call<PhraseList>(url, 'GET', '/api/phrases', agent1);
    const publicPhrase = before.phrases.find((p) => p.scope === 'public' && p.title === '您好')!;
    expect(publicPhrase).toBeDefined();

    const agent = await AgentDesk.open(browser, stack.desks[0]!.url);
    await agent.login(AGENT1);
    const phrases = agent.page.getByRole('region', { name: '常用语' });
    await agent.page.getByRole('tab', { name: '常用语' }).click();
    await expect(phrases.getByRole('button', { name: '插入常用语 您好' })).toBeVisible();
    // Public phrases: insert only, no edit or delete.
    for (const p of before.phrases.filter((x) => x.scope === 'public')) {
      await expect(phrases.getByRole('button', { name: `插入常用语 ${p.title}`, exact: true })).toBeVisible();
      await expect(phrases.getByRole('button', { name: `编辑 ${p.title}`, exact: true })).toHaveCount(0);
      await expect(phrases.getByRole('button', { name: `删除 ${p.title}`, exact: true })).toHaveCount(0);
    }

    await phrases.getByRole('button', { name: /添加我的常用语/ }).click();
    const modal = agent.page.getByRole('dialog', { name: '添加我的常用语' });
    await modal.getByRole('textbox', { name: '标题' }).fill('太长'.repeat(51));
    await modal.getByRole('textbox', { name: '内容' }).fill('长'.repeat(5001));
    await modal.getByRole('button', { name: '保存' }).click();
    await expect(modal.getByText('标题最多100个字符')).toBeVisible();
    await expect(modal.getByText('内容最多5000个字符')).toBeVisible();
    // Nothing was cut silently: the whole text is still there for the agent to shorten.
    await expect(modal.getByRole('textbox', { name: '内容' })).toHaveValue('长'.repeat(5001));
    await modal.getByRole('button', { name: '取消' }).click();
    await expect(modal).toBeHidden();

    // The agent's token straight at the REST API: public and another agent's phrases are refused.
    const refused = [
      await attempt(url, 'PATCH', `/api/phrases/${publicPhrase.id}`, agent1, { content: '被改了' }),
      await attempt(url, 'DELETE', `/api/phrases/${publicPhrase.id}`, agent1),
      await attempt(url, 'PATCH', `/api/phrases/${other.id}`, agent1, { title: '被改了' }),
      await attempt(url, 'DELETE', `/api/phrases/${other.id}`, agent1),
      await attempt(url, 'POST', '/api/phrases', agent1, { scope: 'public', categoryId: null, kind: 'text', title: '冒充公共', content: 'x' }),
    ];
    for (const r of refused) expect(r).toEqual({ status: 403, body: { error: expect.objectContaining({ code: 'FORBIDDEN' }) } });
    // Too long over REST as well: 400 with a code.
    const oversized = await attempt(url, 'POST', '/api/phrases', agent1, {
      scope: 'personal',
      categoryId: null,
      kind: 'text',
      title: '超长',
      content: '长'.repeat(5001),
    });
    expect(oversized).toEqual({ status: 400, body: { error: expect.objectContaining({ code: 'VALIDATION_FAILED' }) } });

    // Nothing changed: agent 1's list is as before, agent 2's phrase is intact.
    expect(await call<PhraseList>(url, 'GET', '/api/phrases', agent1)).toEqual(before);
    const mine2 = await call<PhraseList>(url, 'GET', '/api/phrases', agent2);
    expect(mine2.phrases.find((p) => p.id === other.id)).toEqual(other);
  });

  test('knowledge import with broken rows: per-row errors, only the good rows become searchable', async ({ browser }) => {
    const url = stack.server.url;
    const admin = await login(url);
    const csv = [
      '问题,答案,分类,关键词,启用',
      '运费怎么算,满九十九元包邮，偏远地区另计,物流,运费,是',
      ',这一行没有问题栏,物流,,是',
      `超长答案的问题,${'长'.repeat(20_001)},物流,,是`,
      '保修期多久,整机保修一年,售后,保修,也许',
      '退换货寄到哪里,请寄回上海仓库,售后,地址,1',
    ].join('\n');
    const result = await call<KnowledgeImportResult>(url, 'POST', '/api/admin/knowledge/import', admin, {
      format: 'csv',
      dataBase64: Buffer.from(csv).toString('base64'),
    });
    expect(result.imported).toBe(2);
    expect(result.errors.map((e) => e.row)).toEqual([3, 4, 5]);
    expect(result.errors[0]!.message).toMatch(/question/);
    expect(result.errors[1]!.message).toMatch(/answer/);
    expect(result.errors[2]!.message).toMatch(/启用/);

    // The agent's 知识库 tab: a search re-syncs the local cache when it is a few seconds old, so
    // no reload is needed. Searched until the cache has caught up (bounded by expect's timeout).
    const agent = await AgentDesk.open(browser, stack.desks[0]!.url);
    await agent.login(AGENT1);
    await agent.page.getByRole('tab', { name: '知识库' }).click();
    const search = agent.page.getByLabel('搜索知识库').first();
    const results = agent.page.getByRole('list', { name: '搜索结果' });
    const find = async (query: string) => {
      await search.fill(query);
      await search.press('Enter');
    };
    await expect(async () => {
      await find('包邮');
      await expect(results.getByRole('button', { name: '插入答案：运费怎么算' })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await find('上海仓库');
    await expect(results.getByRole('button', { name: '插入答案：退换货寄到哪里' })).toBeVisible();
    // The broken rows are nowhere; a good search between them shows the list really refreshed.
    for (const query of ['保修', '没有问题栏', '超长答案']) {
      await find('包邮');
      await expect(results.getByRole('button', { name: '插入答案：运费怎么算' })).toBeVisible();
      await find(query);
      await expect(agent.page.getByText('没有找到相关知识')).toBeVisible();
    }
  });
});

test.describe('two agents', () => {
  const stack = useStack(2);

  test('未响应: an offered conversation nobody answers goes back to the queue; the agent is set away, shown as 未响应', async ({ browser }) => {
    test.setTimeout(90_000);
    const url = stack.server.url;
    const admin = await login(url);
    // Bad input first: below the minimum is refused and the rule stays off.
    const tooShort = await attempt(url, 'PUT', '/api/admin/auto-reply', admin, {
      greetingEnabled: false,
      greeting: '',
      busyEnabled: false,
      busyReply: '',
      notRespondingSeconds: 3,
    });
    expect(tooShort.status).toBe(400);
    const company = await call<AutoReplyState>(url, 'GET', '/api/me/auto-reply', admin);
    expect(company.company.notRespondingSeconds).toBe(0);
    const agentToken = await login(url, AGENT1);
    expect((await attempt(url, 'PUT', '/api/admin/auto-reply', agentToken, { ...company.company, notRespondingSeconds: 10 })).status).toBe(403);
    await call<CompanyAutoReply>(url, 'PUT', '/api/admin/auto-reply', admin, { ...company.company, notRespondingSeconds: 10 });

    const agent1 = await AgentDesk.open(browser, stack.desks[0]!.url);
    const agent2 = await AgentDesk.open(browser, stack.desks[1]!.url);
    await agent1.login(AGENT1);
    await agent2.login(AGENT2);
    await agent2.setStatus('忙碌');
    await agent1.setStatus('在线');

    const visitor = await VisitorWidget.open(browser, stack.server.url);
    await visitor.startChat();
    await expect(visitor.page.getByText('客服 小王 为您服务')).toBeVisible();
    const roomNo = await visitor.roomNo(url);
    await expect(agent1.visitorRow(roomNo)).toBeVisible();
    const offeredAt = Date.now();

    // Agent 1 does nothing. Within 10 s + one sweep (5 s) the conversation is taken back.
    await expect(agent1.visitorRow(roomNo)).toHaveCount(0, { timeout: 30_000 });
    expect(Date.now() - offeredAt).toBeGreaterThanOrEqual(9_000);
    await expect(agent1.page.getByRole('banner')).toContainText('未响应');
    await expect(visitor.page.getByText(/排队中/)).toBeVisible();
    const agents = await call<Agent[]>(url, 'GET', '/api/agents', admin);
    expect(agents.find((a) => a.account === 'agent1')).toMatchObject({ status: 'away', load: 0 });
    expect(agents.find((a) => a.account === 'agent1')?.notRespondingSince).toEqual(expect.any(Number));

    // Nobody online: it waits in the queue, where the busy agent 2 takes it by hand and answers.
    await agent2.page.getByRole('switch', { name: '显示队列' }).click();
    const queue = agent2.page.getByRole('region', { name: '访客队列' });
    await queue.getByRole('button', { name: `接收对话 ${roomNo}` }).click();
    await expect(agent2.visitorRow(roomNo)).toBeVisible();
    await expect(visitor.page.getByText('客服 小李 为您服务')).toBeVisible();
    await agent2.openConversation(roomNo);
    await agent2.send('您好，我是小李，让您久等了');
    await expect(visitor.page.getByText('您好，我是小李，让您久等了')).toBeVisible();

    const conversationId = (
      await call<{ conversation: { id: string; agentId: string | null } }>(url, 'POST', '/api/visitor/session', undefined, { token: await visitor.token() })
    ).conversation;
    expect(conversationId.agentId).toBe(agents.find((a) => a.account === 'agent2')!.id);
    const system = (await transcript(url, admin, conversationId.id)).filter((m) => m.sender === 'system').map((m) => m.text);
    expect(system).toContainEqual(expect.stringContaining('未及时响应'));
  });
});
