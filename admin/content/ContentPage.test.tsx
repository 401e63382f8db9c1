import '../testing/setupDom.js';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakeApi, type FakeHandlers } from '../testing/fakeApi.js';
import { renderAdmin } from '../testing/renderAdmin.js';
import { fail, ok } from '../../shared/errors.js';
import type { Phrase, PhraseCategory } from '../../shared/phrases.js';
import type { FilePhrase } from '../../shared/file-phrases.js';
import { ContentPage } from './ContentPage.js';

afterEach(cleanup);

const category = (over: Partial<PhraseCategory>): PhraseCategory => ({
  id: 'c1',
  scope: 'public',
  ownerId: null,
  name: '售前',
  sortOrder: 0,
  updatedAt: 1,
  ...over,
});
const phrase = (over: Partial<Phrase>): Phrase => ({
  id: 'p1',
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
    listPhrases: () =>
      ok({
        categories: [
          category({ id: 'c1', name: '售前', sortOrder: 0 }),
          category({ id: 'c2', name: '售后', sortOrder: 1 }),
          category({ id: 'mine', scope: 'personal', ownerId: 'a1', name: '我的' }),
        ],
        phrases: [
          phrase({ id: 'p1', categoryId: 'c2', title: '退货', content: '七天无理由', shortcut: 'th' }),
          phrase({ id: 'p2', categoryId: 'c1', title: '官网', kind: 'link', content: 'https://example.cn/' }),
          phrase({ id: 'p3', scope: 'personal', ownerId: 'a1', title: '我自己的', content: '私人' }),
        ],
      }),
    listFilePhrases: () => ok({ files: [file({}), file({ id: 'f2', scope: 'personal', ownerId: 'a1', name: '私人.txt' })] }),
    listWrapUpCodes: () => ok([{ id: 'w1', name: '咨询完成', enabled: true }]),
    listTagCategories: () => ok([{ id: 't1', name: '客户等级', tags: ['VIP', '普通'], sortOrder: 0, updatedAt: 1 }]),
    ...extra,
  });
  renderAdmin(<ContentPage />, api);
  return api;
}

const openTab = (name: string) => fireEvent.click(screen.getByRole('tab', { name }));

describe('内容管理', () => {
  it('常用语: the company’s phrases by category (not the admin’s own), searched on the page', async () => {
    page();
    const table = await screen.findByRole('table', { name: '公共常用语列表' });
    await within(table).findByText('退货');
    const titles = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent);
    // 售前 comes before 售后 (category order), whatever the list order.
    expect(titles[0]).toContain('官网');
    expect(titles[1]).toContain('退货');
    expect(within(table).queryByText('我自己的')).toBeNull();
    expect(screen.queryByText('我的')).toBeNull();

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
      kind: 'link',
      categoryId: null,
      title: '帮助中心',
      content: 'https://help.example.cn/',
      shortcut: null,
      hotkey: null,
    });
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
    expect(within(table).queryByText('私人.txt')).toBeNull();

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
