/**
 * 技能组 content (issue 13) against the real server: a 组长 manages the phrases, files, categories
 * and knowledge of their own group and nothing else; agents read the company's, their own group's
 * and their own personal content, never another group's. Bad input is refused with a code and
 * changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminAgent, AdminGroup, AuditPage } from '../../shared/index.js';
import type { Phrase, PhraseCategory, PhraseList } from '../../shared/phrases.js';
import type { FilePhrase, FilePhraseList } from '../../shared/file-phrases.js';
import type { KnowledgeCategory, KnowledgeChanges, KnowledgeEntry } from '../../shared/knowledge.js';
import type { KnowledgeEntryPage } from '../../shared/protocol/rest-knowledge.js';
import { call, loginAs } from '../testing/harness.js';
import { createScene, dbFingerprint, type Scene } from '../testing/scene.js';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, string> } };
const PASSWORD = 'Zuzhang-2026';
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(300, 0x41)]);

describe('group content (技能组的常用语与知识库)', () => {
  let scene: Scene;
  let groupA: AdminGroup;
  let groupB: AdminGroup;
  let leader: { token: string; agentId: string };
  let agentA: { token: string; agentId: string };
  let agentB: { token: string; agentId: string };
  const as = <T>(token: string, method: string, path: string, body?: unknown) => call<T>(scene.server.url, method, path, { token, body });
  const upload = (token: string, query: Record<string, string>) =>
    call<FilePhrase & ErrorBody>(scene.server.url, 'POST', `/api/file-phrases?${new URLSearchParams(query).toString()}`, {
      token,
      raw: PDF,
      contentType: 'application/octet-stream',
    });

  beforeAll(async () => {
    scene = await createScene();
    const admin = scene.admin.token;
    groupA = (await as<AdminGroup>(admin, 'POST', '/api/admin/groups', { name: '售前组' })).body;
    groupB = (await as<AdminGroup>(admin, 'POST', '/api/admin/groups', { name: '售后组' })).body;
    const create = async (account: string, groupId: string, role: string) =>
      (await as<AdminAgent>(admin, 'POST', '/api/admin/agents', { account, password: PASSWORD, nickname: account, groupId, role })).body;
    await create('leader.a', groupA.id, 'leader');
    await create('agent.a', groupA.id, 'agent');
    await create('agent.b', groupB.id, 'agent');
    leader = await loginAs(scene.server.url, 'leader.a', PASSWORD);
    agentA = await loginAs(scene.server.url, 'agent.a', PASSWORD);
    agentB = await loginAs(scene.server.url, 'agent.b', PASSWORD);
  });
  afterAll(() => scene.dispose());

  it("a leader creates, edits and deletes their own group's phrases, categories, files and knowledge; each change is logged", async () => {
    const category = await as<PhraseCategory>(leader.token, 'POST', '/api/phrase-categories', { scope: 'group', groupId: groupA.id, name: '售前话术' });
    expect(category.status, JSON.stringify(category.body)).toBe(200);
    expect(category.body).toMatchObject({ scope: 'group', groupId: groupA.id, ownerId: null });
    const phrase = await as<Phrase>(leader.token, 'POST', '/api/phrases', {
      scope: 'group',
      groupId: groupA.id,
      categoryId: category.body.id,
      title: '活动介绍',
      content: '本周满减活动',
    });
    expect(phrase.status, JSON.stringify(phrase.body)).toBe(200);
    expect(phrase.body).toMatchObject({ scope: 'group', groupId: groupA.id, ownerId: null, categoryId: category.body.id });
    const edited = await as<Phrase>(leader.token, 'PATCH', `/api/phrases/${phrase.body.id}`, { title: '本周活动' });
    expect(edited.body).toMatchObject({ title: '本周活动', groupId: groupA.id });
    const file = await upload(leader.token, { scope: 'group', groupId: groupA.id, name: '价目表.pdf' });
    expect(file.status, JSON.stringify(file.body)).toBe(200);
    expect(file.body).toMatchObject({ scope: 'group', groupId: groupA.id });

    const managed = (await as<PhraseList>(leader.token, 'GET', '/api/admin/phrases')).body;
    expect(managed.phrases.map((p) => p.id)).toEqual([phrase.body.id]);
    expect(managed.categories.map((c) => c.id)).toEqual([category.body.id]);
    expect((await as<FilePhraseList>(leader.token, 'GET', `/api/admin/file-phrases?groupId=${groupA.id}`)).body.files.map((f) => f.id)).toEqual([file.body.id]);

    const kCategory = await as<KnowledgeCategory>(leader.token, 'POST', '/api/admin/knowledge/categories', { groupId: groupA.id, name: '售前知识' });
    expect(kCategory.body).toMatchObject({ groupId: groupA.id, name: '售前知识' });
    const entry = await as<KnowledgeEntry>(leader.token, 'POST', '/api/admin/knowledge/entries', {
      groupId: groupA.id,
      categoryId: kCategory.body.id,
      question: '满减怎么算',
      answer: '满 300 减 50',
    });
    expect(entry.status, JSON.stringify(entry.body)).toBe(200);
    expect(entry.body.groupId).toBe(groupA.id);
    expect((await as<KnowledgeEntry>(leader.token, 'PATCH', `/api/admin/knowledge/entries/${entry.body.id}`, { enabled: false })).body.enabled).toBe(false);
    const listed = (await as<KnowledgeEntryPage>(leader.token, 'GET', '/api/admin/knowledge/entries')).body;
    expect(listed.entries.map((e) => e.id)).toEqual([entry.body.id]);
    expect((await as<KnowledgeCategory[]>(leader.token, 'GET', '/api/admin/knowledge/categories')).body.map((c) => c.id)).toEqual([kCategory.body.id]);

    expect((await as(leader.token, 'DELETE', `/api/admin/knowledge/entries/${entry.body.id}`)).status).toBe(200);
    expect((await as(leader.token, 'DELETE', `/api/admin/knowledge/categories/${kCategory.body.id}`)).status).toBe(200);
    expect((await as(leader.token, 'DELETE', `/api/file-phrases/${file.body.id}`)).status).toBe(200);
    expect((await as(leader.token, 'DELETE', `/api/phrases/${phrase.body.id}`)).status).toBe(200);
    expect((await as(leader.token, 'DELETE', `/api/phrase-categories/${category.body.id}`)).status).toBe(200);

    const log = (await as<AuditPage>(scene.admin.token, 'GET', '/api/admin/audit?limit=100')).body.entries.filter((e) => e.actorAccount === 'leader.a');
    const actions = log.map((e) => e.action);
    for (const action of [
      'phraseCategory.create',
      'phrase.create',
      'phrase.update',
      'filePhrase.create',
      'knowledgeCategory.create',
      'knowledge.create',
      'knowledge.update',
      'knowledge.delete',
      'knowledgeCategory.delete',
      'filePhrase.delete',
      'phrase.delete',
      'phraseCategory.delete',
    ]) {
      expect(actions, action).toContain(action);
    }
    expect(log.find((e) => e.action === 'phrase.create')?.after).toMatchObject({ groupId: groupA.id, title: '活动介绍' });
    expect(log.find((e) => e.action === 'knowledge.create')?.after).toMatchObject({ groupId: groupA.id, question: '满减怎么算' });
  });

  it("a leader reaching into another group's content or the company's is refused (403) and changes nothing", async () => {
    const admin = scene.admin.token;
    const phraseB = (await as<Phrase>(admin, 'POST', '/api/phrases', { scope: 'group', groupId: groupB.id, title: '售后', content: '退货请走流程' })).body;
    const categoryB = (await as<PhraseCategory>(admin, 'POST', '/api/phrase-categories', { scope: 'group', groupId: groupB.id, name: '售后话术' })).body;
    const fileB = (await upload(admin, { scope: 'group', groupId: groupB.id, name: '售后单.pdf' })).body;
    const entryB = (await as<KnowledgeEntry>(admin, 'POST', '/api/admin/knowledge/entries', { groupId: groupB.id, question: '退货', answer: '七天' })).body;
    const kCategoryB = (await as<KnowledgeCategory>(admin, 'POST', '/api/admin/knowledge/categories', { groupId: groupB.id, name: '售后知识' })).body;
    const publicEntry = (await as<KnowledgeEntry>(admin, 'POST', '/api/admin/knowledge/entries', { question: '营业时间', answer: '九点到六点' })).body;

    const before = dbFingerprint(scene.server);
    const attempts: [string, string, unknown][] = [
      ['POST', '/api/phrases', { scope: 'group', groupId: groupB.id, title: '越权', content: 'x' }],
      ['POST', '/api/phrases', { scope: 'public', title: '越权', content: 'x' }],
      ['PATCH', `/api/phrases/${phraseB.id}`, { title: '越权' }],
      ['DELETE', `/api/phrases/${phraseB.id}`, undefined],
      ['PATCH', '/api/phrases/ph-hello', { title: '越权' }],
      ['POST', '/api/phrase-categories', { scope: 'group', groupId: groupB.id, name: '越权' }],
      ['PATCH', `/api/phrase-categories/${categoryB.id}`, { name: '越权' }],
      ['DELETE', `/api/phrase-categories/${categoryB.id}`, undefined],
      ['PATCH', `/api/file-phrases/${fileB.id}`, { name: '越权.pdf' }],
      ['DELETE', `/api/file-phrases/${fileB.id}`, undefined],
      ['GET', `/api/admin/phrases?groupId=${groupB.id}`, undefined],
      ['GET', '/api/admin/phrases?scope=public', undefined],
      ['GET', `/api/admin/file-phrases?groupId=${groupB.id}`, undefined],
      ['POST', '/api/admin/knowledge/entries', { groupId: groupB.id, question: '越权', answer: 'x' }],
      ['POST', '/api/admin/knowledge/entries', { question: '越权', answer: 'x' }],
      ['PATCH', `/api/admin/knowledge/entries/${entryB.id}`, { question: '越权' }],
      ['DELETE', `/api/admin/knowledge/entries/${entryB.id}`, undefined],
      ['PATCH', `/api/admin/knowledge/entries/${publicEntry.id}`, { question: '越权' }],
      ['POST', '/api/admin/knowledge/categories', { groupId: groupB.id, name: '越权' }],
      ['POST', '/api/admin/knowledge/categories', { name: '越权' }],
      ['PATCH', `/api/admin/knowledge/categories/${kCategoryB.id}`, { name: '越权' }],
      ['DELETE', `/api/admin/knowledge/categories/${kCategoryB.id}`, undefined],
      ['GET', `/api/admin/knowledge/entries?groupId=${groupB.id}`, undefined],
      ['GET', '/api/admin/knowledge/categories?scope=public', undefined],
    ];
    for (const [method, path, body] of attempts) {
      const res = await as<ErrorBody>(leader.token, method, path, body);
      expect([res.status, res.body.error?.code], `${method} ${path} ${JSON.stringify(body)}`).toEqual([403, 'FORBIDDEN']);
    }
    const refusedUpload = await upload(leader.token, { scope: 'group', groupId: groupB.id, name: '越权.pdf' });
    expect([refusedUpload.status, refusedUpload.body.error.code]).toEqual([403, 'FORBIDDEN']);
    // An agent manages no group's content, not even their own group's.
    const byAgent = await as<ErrorBody>(agentA.token, 'POST', '/api/phrases', { scope: 'group', groupId: groupA.id, title: '越权', content: 'x' });
    expect([byAgent.status, byAgent.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it("an agent reads the company's, their own group's and their own content, never another group's", async () => {
    const admin = scene.admin.token;
    const inA = (await as<Phrase>(admin, 'POST', '/api/phrases', { scope: 'group', groupId: groupA.id, title: 'A 组', content: 'A' })).body;
    const inB = (await as<Phrase>(admin, 'POST', '/api/phrases', { scope: 'group', groupId: groupB.id, title: 'B 组', content: 'B' })).body;
    const mine = (await as<Phrase>(agentA.token, 'POST', '/api/phrases', { scope: 'personal', title: '我的', content: '我' })).body;
    const fileA = (await upload(admin, { scope: 'group', groupId: groupA.id, name: 'A.pdf' })).body;
    const fileB = (await upload(admin, { scope: 'group', groupId: groupB.id, name: 'B.pdf' })).body;
    const entryA = (await as<KnowledgeEntry>(admin, 'POST', '/api/admin/knowledge/entries', { groupId: groupA.id, question: 'A 问', answer: 'A 答' })).body;
    const entryB = (await as<KnowledgeEntry>(admin, 'POST', '/api/admin/knowledge/entries', { groupId: groupB.id, question: 'B 问', answer: 'B 答' })).body;

    const read = (await as<PhraseList>(agentA.token, 'GET', '/api/phrases')).body.phrases;
    const ids = read.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['ph-hello', inA.id, mine.id]));
    expect(ids).not.toContain(inB.id);
    // The company's first, then the group's, then the agent's own.
    expect(read.map((p) => p.scope).join(',')).toMatch(/^(public,)+(group,)+personal$/);
    const files = (await as<FilePhraseList>(agentA.token, 'GET', '/api/file-phrases')).body.files.map((f) => f.id);
    expect(files).toContain(fileA.id);
    expect(files).not.toContain(fileB.id);
    expect((await as(agentA.token, 'POST', `/api/file-phrases/${fileB.id}/attach`, { conversationId: 'none' })).status).toBe(404);

    const changes = (await as<KnowledgeChanges>(agentA.token, 'GET', '/api/knowledge/changes?after=0&limit=1000')).body;
    expect(changes.groups).toEqual([groupA.id]);
    const byId = new Map(changes.changes.map((c) => [c.id, c.entry]));
    expect(byId.get(entryA.id)?.question).toBe('A 问');
    // Another group's entry is only a removal: its id, never its content.
    expect(byId.has(entryB.id)).toBe(true);
    expect(byId.get(entryB.id)).toBeNull();
    expect((await as(agentA.token, 'GET', `/api/knowledge/entries/${entryB.id}`)).status).toBe(404);
    expect((await as(agentA.token, 'GET', `/api/knowledge/entries/${entryA.id}`)).status).toBe(200);
    const fromB = (await as<KnowledgeChanges>(agentB.token, 'GET', '/api/knowledge/changes?after=0&limit=1000')).body;
    expect(fromB.changes.find((c) => c.id === entryA.id)?.entry).toBeNull();
    expect(fromB.changes.find((c) => c.id === entryB.id)?.entry?.question).toBe('B 问');
  });

  it('bad bodies and filters are refused with a code and change nothing', async () => {
    const admin = scene.admin.token;
    const categoryA = (await as<PhraseCategory>(admin, 'POST', '/api/phrase-categories', { scope: 'group', groupId: groupA.id, name: 'A 分类' })).body;
    const kCategoryA = (await as<KnowledgeCategory>(admin, 'POST', '/api/admin/knowledge/categories', { groupId: groupA.id, name: 'A 知识分类' })).body;
    const before = dbFingerprint(scene.server);
    const attempts: [string, string, unknown, string][] = [
      ['POST', '/api/phrases', { scope: 'group', title: '缺组', content: 'x' }, 'groupId'],
      ['POST', '/api/phrases', { scope: 'group', groupId: 'no-such-group', title: '未知组', content: 'x' }, 'groupId'],
      ['POST', '/api/phrases', { scope: 'personal', groupId: groupA.id, title: '个人带组', content: 'x' }, 'groupId'],
      ['POST', '/api/phrases', { scope: 'public', groupId: groupA.id, title: '公共带组', content: 'x' }, 'groupId'],
      ['POST', '/api/phrases', { scope: 'group', groupId: groupB.id, categoryId: categoryA.id, title: '别组分类', content: 'x' }, 'categoryId'],
      ['POST', '/api/phrases', { scope: 'public', categoryId: categoryA.id, title: '组的分类', content: 'x' }, 'categoryId'],
      ['POST', '/api/phrase-categories', { scope: 'group', name: '缺组' }, 'groupId'],
      ['POST', '/api/phrase-categories', { scope: 'group', groupId: 'no-such-group', name: '未知组' }, 'groupId'],
      ['POST', '/api/admin/knowledge/entries', { groupId: 'no-such-group', question: '未知组', answer: 'x' }, 'groupId'],
      ['POST', '/api/admin/knowledge/entries', { groupId: groupB.id, categoryId: kCategoryA.id, question: '别组分类', answer: 'x' }, 'body.categoryId'],
      ['POST', '/api/admin/knowledge/entries', { categoryId: kCategoryA.id, question: '组的分类', answer: 'x' }, 'body.categoryId'],
      ['POST', '/api/admin/knowledge/categories', { groupId: 'no-such-group', name: '未知组' }, 'groupId'],
      ['GET', '/api/admin/phrases?scope=public&groupId=x', undefined, 'groupId'],
      ['GET', '/api/admin/phrases?scope=personal', undefined, 'scope'],
    ];
    for (const [method, path, body, field] of attempts) {
      const res = await as<ErrorBody>(admin, method, path, body);
      expect([res.status, res.body.error.code], `${method} ${path} ${JSON.stringify(body)}`).toEqual([400, 'VALIDATION_FAILED']);
      expect(JSON.stringify(res.body.error.details ?? {}), `${path} ${JSON.stringify(body)}`).toContain(field);
    }
    const noGroup = await upload(admin, { scope: 'group', name: '缺组.pdf' });
    expect([noGroup.status, noGroup.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const personalWithGroup = await upload(agentA.token, { scope: 'personal', groupId: groupA.id, name: '个人.pdf' });
    expect([personalWithGroup.status, personalWithGroup.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(dbFingerprint(scene.server)).toBe(before);
  });
});
