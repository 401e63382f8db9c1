import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginOnline, openDesk, startStack, type Desk, type Stack } from '../test-support/agent-harness.js';
import { tempDir } from '../test-support/temp-dir.js';
import { waitFor } from '../test-support/wait-for.js';

/**
 * Real server process, real SQLite caches: a skill group's own phrase, canned file and knowledge
 * entry (issue 13) reach the workstation of a member of that group, never one of another group's;
 * and once the agent is taken out of the group, the next sync drops them from its cache.
 */
describe('group content (本组) in the workstation services', () => {
  let stack: Stack;
  let member: Desk;
  let outsider: Desk;
  let adminToken: string;
  let memberId: string;
  let groupId: string;

  // Straight to the server, not through the proxy the workstations use.
  const admin = async <T>(method: string, path: string, body?: unknown, raw?: Buffer): Promise<T> => {
    const res = await fetch(`${stack.server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${adminToken}`,
        ...(raw ? { 'content-type': 'application/octet-stream' } : body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  };
  const phraseTitles = async (desk: Desk) => {
    const list = await desk.invoke('phrases:list', undefined);
    if (!list.ok) throw new Error(list.error.message);
    return list.value.phrases.map((p) => p.title);
  };
  const fileNames = async (desk: Desk) => {
    const list = await desk.invoke('file-phrases:list', undefined);
    if (!list.ok) throw new Error(list.error.message);
    return list.value.files.map((f) => f.name);
  };
  const knowledgeHits = async (desk: Desk, query: string) => {
    const synced = await desk.invoke('knowledge:sync', undefined);
    if (!synced.ok) throw new Error(synced.error.message);
    const result = await desk.invoke('knowledge:search', { query });
    if (!result.ok) throw new Error(result.error.message);
    return result.value.hits;
  };

  beforeAll(async () => {
    stack = await startStack();
    member = openDesk(stack.deskDir, stack.proxy.url);
    outsider = openDesk(tempDir('kefu-desk-outsider-'), stack.proxy.url);
    await loginOnline(member, 'agent1');
    await loginOnline(outsider, 'agent2');
    const login = await fetch(`${stack.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ account: 'admin', password: 'admin123' }),
    });
    adminToken = ((await login.json()) as { token: string }).token;
    groupId = (await admin<{ id: string }>('POST', '/api/admin/groups', { name: '大客户组' })).id;
    const agents = await admin<{ id: string; account: string }[]>('GET', '/api/admin/agents');
    memberId = agents.find((a) => a.account === 'agent1')!.id;
    // agent1 joins the group; agent2 stays in 售前.
    await admin('PATCH', `/api/admin/agents/${memberId}`, { groupId });
  }, 60_000);
  afterAll(async () => {
    member.workstation.close();
    outsider.workstation.close();
    await stack.close();
  });

  it("a group's phrase, file and knowledge entry reach its member's cache and not another group's agent's", async () => {
    await admin('POST', '/api/phrases', { scope: 'group', groupId, title: '大客户问候', content: '尊敬的大客户您好' });
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200, 0x41)]);
    await admin('POST', `/api/file-phrases?${new URLSearchParams({ scope: 'group', groupId, name: '大客户价目.pdf' }).toString()}`, undefined, pdf);
    await admin('POST', '/api/admin/knowledge/entries', { groupId, question: '大客户专属折扣是多少', answer: '大客户专属折扣为八折' });

    // The server's phrases.changed hint reaches the member, whose services re-sync by themselves.
    await waitFor('group phrase cached by the member', async () => (await phraseTitles(member)).includes('大客户问候'));
    await waitFor('group file cached by the member', async () => (await fileNames(member)).includes('大客户价目.pdf'));
    const phrase = (await member.invoke('phrases:list', { query: '大客户' })).ok;
    expect(phrase).toBe(true);
    const hits = await knowledgeHits(member, '专属折扣');
    expect(hits.map((h) => [h.question, h.groupId])).toEqual([['大客户专属折扣是多少', groupId]]);

    // The other agent's cache, even right after a sync of its own (a public change: every workstation re-syncs), has none of it.
    await admin('POST', '/api/phrases', { scope: 'public', title: '公共新话术', content: '大家都有' });
    await waitFor('public phrase cached by the outsider', async () => (await phraseTitles(outsider)).includes('公共新话术'));
    await admin('POST', `/api/file-phrases?${new URLSearchParams({ scope: 'public', name: '公共资料.pdf' }).toString()}`, undefined, pdf);
    await waitFor('public file cached by the outsider', async () => (await fileNames(outsider)).includes('公共资料.pdf'));
    expect((await outsider.invoke('phrases:refresh', undefined)).ok).toBe(true);
    expect(await phraseTitles(outsider)).not.toContain('大客户问候');
    expect(await fileNames(outsider)).not.toContain('大客户价目.pdf');
    expect(await knowledgeHits(outsider, '专属折扣')).toEqual([]);
  });

  it("taken out of the group, the agent's cache drops the group's content at once", async () => {
    await waitFor('group phrase cached by the member', async () => (await phraseTitles(member)).includes('大客户问候'));
    await waitFor('group file cached by the member', async () => (await fileNames(member)).includes('大客户价目.pdf'));
    // No other change follows: the move itself tells the agent's workstation to re-read its lists.
    await admin('PATCH', `/api/admin/agents/${memberId}`, { groupId: null });
    await waitFor('group phrase dropped from the cache', async () => !(await phraseTitles(member)).includes('大客户问候'));
    await waitFor('group file dropped from the cache', async () => !(await fileNames(member)).includes('大客户价目.pdf'));
    expect(await phraseTitles(member)).toContain('感谢咨询');
    // The knowledge feed names another view now: the cache starts over and keeps the company's entries only.
    expect(await knowledgeHits(member, '专属折扣')).toEqual([]);
    const entry = await admin<{ id: string }>('POST', '/api/admin/knowledge/entries', { question: '公司通用折扣', answer: '九五折' });
    expect((await knowledgeHits(member, '通用折扣')).map((h) => h.id)).toEqual([entry.id]);
  });
});
