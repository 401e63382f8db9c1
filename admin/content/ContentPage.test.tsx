import '../testing/setupDom.js';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakeApi, type FakeHandlers } from '../testing/fakeApi.js';
import { renderAdmin } from '../testing/renderAdmin.js';
import { fail, ok } from '../../shared/errors.js';
import type { Phrase, PhraseCategory } from '../../shared/phrases.js';
import type { FilePhrase } from '../../shared/file-phrases.js';
import { ContentPage } from './ContentPage.js';
import { useSessionStore } from '../session/sessionStore.js';

afterEach(cleanup);

const category = (over: Partial<PhraseCategory>): PhraseCategory => ({
  id: 'c1',
  groupId: null,
  scope: 'public',
  ownerId: null,
  name: '售前',
  sortOrder: 0,
  updatedAt: 1,
  ...over,
});
const phrase = (over: Partial<Phrase>): Phrase => ({
  id: 'p1',
  groupId: null,
  scope: 'public',
  ownerId: null,
  categoryId: null,
  kind: 'text',
  title: '问候',
  content: '您好',
  shortcut: null,
  hotkey: null,
  sortOrder: 0,
  updatedAt: 1,
  ...over,
});
const file = (over: Partial<FilePhrase>): FilePhrase => ({
  id: 'f1',
  groupId: null,
  scope: 'public',
  ownerId: null,
  categoryId: null,
  name: '价格表.pdf',
  size: 2048,
  mime: 'application/pdf',
  isImage: false,
  sortOrder: 0,
  updatedAt: 1,
  ...over,
});

function page(extra: FakeHandlers = {}) {
  const api = new FakeApi({
    adminListGroups: () => ok([group('g1', '售前组'), group('g2', '售后组')]),
    adminListPhrases: ({ query }) =>
      query?.groupId
        ? ok({
            categories: [category({ id: 'gc', scope: 'group', groupId: query.groupId, name: '组内话术' })],
            phrases: [phrase({ id: 'gp', scope: 'group', groupId: query.groupId, categoryId: 'gc', title: '组内问候' })],
          })
        : ok({
            categories: [category({ id: 'c1', name: '售前', sortOrder: 0 }), category({ id: 'c2', name: '售后', sortOrder: 1 })],
            phrases: [
              phrase({ id: 'p1', categoryId: 'c2', title: '退货', content: '七天无理由', shortcut: 'th' }),
              phrase({ id: 'p2', categoryId: 'c1', title: '官网', kind: 'link', content: 'https://example.cn/' }),
            ],
          }),
    adminListFilePhrases: () => ok({ files: [file({})] }),
    listWrapUpCodes: () => ok([{ id: 'w1', name: '咨询完成', enabled: true }]),
    listTagCategories: () => ok([{ id: 't1', name: '客户等级', tags: ['VIP', '普通'], sortOrder: 0, updatedAt: 1 }]),
    ...extra,
  });
  renderAdmin(<ContentPage />, api);
  return api;
}

const openTab = (name: string) => fireEvent.click(screen.getByRole('tab', { name }));
const group = (id: string, name: string) => ({ id, name, members: 0, openConversations: 0 }) as never;

async function chooseScope(option: string) {
  fireEvent.mouseDown(screen.getByRole('combobox', { name: '范围' }));
  const choices = await screen.findAllByText(option, { selector: '.ant-select-item-option-content' });
  fireEvent.click(choices.at(-1)!);
}

afterEach(() => useSessionStore.setState({ admin: null }));

describe('内容管理', () => {
  it('常用语: the company’s phrases by category, searched on the page', async () => {
    const api = page();
    const table = await screen.findByRole('table', { name: '公共常用语列表' });
    await within(table).findByText('退货');
    const titles = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent);
    // 售前 comes before 售后 (category order), whatever the list order.
    expect(titles[0]).toContain('官网');
    expect(titles[1]).toContain('退货');
    expect(api.callsOf('adminListPhrases')[0]?.options.query).toEqual({ scope: 'public' });

    fireEvent.change(screen.getByRole('searchbox', { name: '搜索标题、内容或快捷码' }), { target: { value: '/th' } });
    await waitFor(() => expect(within(table).queryByText('官网')).toBeNull());
    expect(within(table).getByText('退货')).toBeTruthy();
  });

  it('a link must be a web URL: refused by the field before anything is sent; a good one is created public', async () => {
    const api = page({ createPhrase: (options) => ok(phrase({ id: 'new', ...(options.body as Partial<Phrase>) })) });
    fireEvent.click(await screen.findByRole('button', { name: '新建常用语' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('radio', { name: '链接' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: '标题' }), { target: { value: '帮助中心' } });
    fireEvent.change(await within(dialog).findByRole('textbox', { name: '网址' }), { target: { value: 'javascript:alert(1)' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await within(dialog).findByText(/链接须以 http:\/\/ 或 https:\/\/ 开头/)).toBeTruthy();
    expect(api.callsOf('createPhrase')).toHaveLength(0);

    fireEvent.change(within(dialog).getByRole('textbox', { name: '网址' }), { target: { value: 'https://help.example.cn/' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(api.callsOf('createPhrase')).toHaveLength(1));
    expect(api.callsOf('createPhrase')[0]?.options.body).toEqual({
      scope: 'public',
      groupId: null,
      kind: 'link',
      categoryId: null,
      title: '帮助中心',
      content: 'https://help.example.cn/',
      shortcut: null,
      hotkey: null,
    });
  });

  it('范围 (admin): 公共 or any group; a group’s list, categories and new phrases are that group’s', async () => {
    const api = page({
      createPhrase: (options) => ok(phrase({ id: 'new', ...(options.body as Partial<Phrase>) })),
      createPhraseCategory: (options) => ok(category({ id: 'new-c', ...(options.body as Partial<PhraseCategory>) })),
    });
    await screen.findByRole('table', { name: '公共常用语列表' });
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '范围' }));
    const offered = (await screen.findAllByText(/公共|技能组/, { selector: '.ant-select-item-option-content' })).map((o) => o.textContent);
    expect(offered).toEqual(['公共（全公司）', '技能组 · 售前组', '技能组 · 售后组']);
    fireEvent.click(screen.getAllByText('技能组 · 售后组', { selector: '.ant-select-item-option-content' }).at(-1)!);
    await waitFor(() => expect(api.callsOf('adminListPhrases').at(-1)?.options.query).toEqual({ groupId: 'g2' }));
    const table = await screen.findByRole('table', { name: '公共常用语列表' });
    expect(await within(table).findByText('组内问候')).toBeTruthy();
    expect(within(table).queryByText('退货')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '新建常用语' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: '标题' }), { target: { value: '组内活动' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: '内容' }), { target: { value: '本周满减' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(api.callsOf('createPhrase')).toHaveLength(1));
    expect(api.callsOf('createPhrase')[0]?.options.body).toMatchObject({ scope: 'group', groupId: 'g2', title: '组内活动' });
  });

  it('范围 (组长): only their own group, no 公共, and no company-wide tabs', async () => {
    useSessionStore.setState({ admin: { id: 'l1', account: 'leader', nickname: '组长', role: 'leader', groupId: 'g1' } as never });
    const api = page();
    await waitFor(() => expect(api.callsOf('adminListPhrases')[0]?.options.query).toEqual({ groupId: 'g1' }));
    expect(await screen.findByText('组内问候')).toBeTruthy();
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '范围' }));
    const offered = (await screen.findAllByText(/公共|技能组/, { selector: '.ant-select-item-option-content' })).map((o) => o.textContent);
    expect(offered).toEqual(['技能组 · 售前组']);
    expect(screen.getByRole('tab', { name: '常用文件' })).toBeTruthy();
    expect(screen.queryByRole('tab', { name: '话后处理' })).toBeNull();
    expect(screen.queryByRole('tab', { name: '名片分类' })).toBeNull();
    await chooseScope('技能组 · 售前组');
    expect(api.callsOf('adminListPhrases').map((c) => c.options.query)).toEqual(api.callsOf('adminListPhrases').map(() => ({ groupId: 'g1' })));
  });

  it('deleting a phrase asks first', async () => {
    const api = page({ deletePhrase: () => ok({ ok: true }) });
    fireEvent.click(await screen.findByRole('button', { name: '删除“退货”' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('删除常用语“退货”？');
    expect(api.callsOf('deletePhrase')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: '删除' }));
    await waitFor(() => expect(api.callsOf('deletePhrase').map((c) => c.options.params)).toEqual([{ id: 'p1' }]));
  });

  it('moves a category down by saving the new order', async () => {
    const api = page({ updatePhraseCategory: (options) => ok(category({ id: options.params!.id, ...(options.body as object) })) });
    fireEvent.click(await screen.findByRole('button', { name: '下移“售前”' }));
    await waitFor(() =>
      expect(api.callsOf('updatePhraseCategory').map((c) => [c.options.params, c.options.body])).toEqual([
        [{ id: 'c2' }, { sortOrder: 0 }],
        [{ id: 'c1' }, { sortOrder: 1 }],
      ]),
    );
  });

  it('常用文件: uploads into the chosen category with progress; moves a file', async () => {
    let finish: (value: FilePhrase) => void = () => undefined;
    const api = page({
      uploadFilePhrase: (options) => {
        options.onUploadProgress?.(40, 100);
        return new Promise((resolve) => (finish = (value) => resolve(ok(value))));
      },
      updateFilePhrase: () => ok(file({ categoryId: 'c2' })),
    });
    openTab('常用文件');
    const table = await screen.findByRole('table', { name: '公共文件列表' });
    await within(table).findByText('价格表.pdf');

    fireEvent.mouseDown(screen.getByRole('combobox', { name: '上传到分类' }));
    fireEvent.click(await screen.findByTitle('售后'));
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['%PDF-1.4'], '说明.pdf', { type: 'application/pdf' })] } });
    const status = await screen.findByRole('status');
    expect(status.textContent).toContain('正在上传“说明.pdf”');
    await waitFor(() => expect(within(status).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('40'));
    const call = api.callsOf('uploadFilePhrase')[0]!;
    expect(call.options.query).toEqual({ scope: 'public', name: '说明.pdf', categoryId: 'c2' });
    expect(Array.from(call.options.bytes ?? [])).toEqual(Array.from(new TextEncoder().encode('%PDF-1.4')));
    finish(file({ id: 'f3', name: '说明.pdf' }));
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());

    fireEvent.mouseDown(within(table).getByRole('combobox', { name: '“价格表.pdf”的分类' }));
    const options = await screen.findAllByTitle('售后');
    fireEvent.click(options.at(-1)!);
    await waitFor(() => expect(api.callsOf('updateFilePhrase').map((c) => c.options.body)).toEqual([{ categoryId: 'c2' }]));
  });

  it('话后处理: disabling a code saves enabled=false', async () => {
    const api = page({ updateWrapUpCode: () => ok({ id: 'w1', name: '咨询完成', enabled: false }) });
    openTab('话后处理');
    fireEvent.click(await screen.findByRole('switch', { name: '启用“咨询完成”' }));
    await waitFor(() => expect(api.callsOf('updateWrapUpCode').map((c) => [c.options.params, c.options.body])).toEqual([[{ id: 'w1' }, { enabled: false }]]));
  });

  it('名片分类: adds a category with its tags; a tag taken elsewhere shows the server’s word by the field', async () => {
    const api = page({ createTagCategory: () => fail('CONFLICT', 'The tag “VIP” is already in the category “客户等级”', { tags: '“VIP” is in “客户等级”' }) });
    openTab('名片分类');
    const table = await screen.findByRole('table', { name: '名片分类列表' });
    expect(await within(table).findByText('VIP')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '新建名片分类' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: '分类名称' }), { target: { value: '意向' } });
    const tags = within(dialog).getByRole('combobox', { name: '标签' });
    for (const tag of ['高', 'VIP']) {
      fireEvent.change(tags, { target: { value: tag } });
      fireEvent.keyDown(tags, { key: 'Enter', code: 'Enter', keyCode: 13 });
    }
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(api.callsOf('createTagCategory').map((c) => c.options.body)).toEqual([{ name: '意向', tags: ['高', 'VIP'] }]));
    expect(await within(dialog).findByText('“VIP” is in “客户等级”')).toBeTruthy();
  });
});
