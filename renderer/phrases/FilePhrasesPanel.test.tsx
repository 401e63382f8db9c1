import '../testing/setupDom.js';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakeKefu } from '../testing/fakeKefu.js';
import { renderWithApp } from '../testing/renderWithApp.js';
import { agent, snapshot } from '../testing/sampleSettings.js';
import { conversation } from '../testing/fixtures.js';
import { provideKefu } from '../app/kefu.js';
import { useSessionStore } from '../login/sessionStore.js';
import { useConversationsStore } from '../visitors/conversationsStore.js';
import { useMessagesStore } from '../dialog/messagesStore.js';
import { ok, type Result } from '../../shared/errors.js';
import type { FilePhrase } from '../../shared/file-phrases.js';
import type { LocalMessage } from '../../shared/ipc/contract.js';
import type { PhraseCategory } from '../../shared/phrases.js';
import { PhrasesPanel } from './PhrasesPanel.js';
import { usePhrasesStore } from './phrasesStore.js';
import { useFilePhrasesStore } from './filePhrasesStore.js';

afterEach(() => {
  cleanup();
  provideKefu(null);
});

const file = (over: Partial<FilePhrase>): FilePhrase => ({
  id: over.name ?? 'f',
  groupId: null,
  scope: 'public',
  ownerId: null,
  categoryId: 'pc-files',
  name: 'f.pdf',
  size: 2048,
  mime: 'application/pdf',
  isImage: false,
  sortOrder: 0,
  updatedAt: 0,
  ...over,
});

const CATEGORIES: PhraseCategory[] = [
  { id: 'pc-files', scope: 'public', ownerId: null, groupId: null, name: '资料', sortOrder: 0, updatedAt: 0 },
  { id: 'my-cat', scope: 'personal', ownerId: 'a1', groupId: null, name: '我的资料', sortOrder: 0, updatedAt: 0 },
];

function setup(initial: FilePhrase[]) {
  let files = initial;
  let finishUpload: ((r: Result<FilePhrase>) => void) | null = null;
  const sentMessage = (conversationId: string): LocalMessage => ({
    id: 'm1',
    conversationId,
    seq: 0,
    clientId: 'm1',
    sender: 'agent',
    senderId: 'a1',
    senderName: '小王',
    kind: 'file',
    text: '价格表.pdf',
    attachment: { id: 'att', name: '价格表.pdf', size: 2048, mime: 'application/pdf', isImage: false },
    createdAt: 1,
    delivery: 'sending',
    failure: null,
  });
  const api = new FakeKefu({
    'phrases:list': () => ok({ categories: CATEGORIES, phrases: [] }),
    'file-phrases:list': () => ok({ files }),
    'file-phrases:send': (req) => ok(sentMessage(req.conversationId)),
    'file-phrases:update': (req) => ok({ ...files.find((f) => f.id === req.id)!, ...req.patch } as FilePhrase),
    'file-phrases:delete': () => ok(null),
  });
  // Uploads stay open until the test finishes them, so the progress bar can be seen.
  (api as unknown as { invoke: FakeKefu['invoke'] }).invoke = ((original) =>
    function (this: FakeKefu, channel: string, request: unknown) {
      if (channel !== 'file-phrases:upload') return original.call(this, channel as never, request as never);
      this.calls.push({ channel: channel as never, request });
      return new Promise((resolve) => {
        finishUpload = resolve as (r: Result<FilePhrase>) => void;
      });
    })(api.invoke) as never;
  provideKefu(api);
  useSessionStore.setState({ snapshot: snapshot({ agent: agent({ nickname: '小王' }) }) });
  useConversationsStore.setState({ conversations: [conversation({ id: 'c1', visitorName: '张三' })], selectedId: 'c1' });
  usePhrasesStore.setState({ phrases: [], categories: [], loaded: false });
  useFilePhrasesStore.setState({ files: [], loaded: false, upload: null });
  useMessagesStore.setState({ byConversation: {}, drafts: {} });
  renderWithApp(<PhrasesPanel />);
  fireEvent.click(screen.getByText('常用文件'));
  return {
    api,
    setFiles: (next: FilePhrase[]) => (files = next),
    finishUpload: (r: Result<FilePhrase>) => finishUpload?.(r),
  };
}

describe('canned files (常用文件) in the 常用语 tab', () => {
  it('lists public and personal files with size and type; only personal ones can be edited or deleted', async () => {
    setup([
      file({ name: '价格表.pdf' }),
      file({ name: 'logo.png', scope: 'personal', ownerId: 'a1', categoryId: 'my-cat', mime: 'image/png', isImage: true, size: 500 }),
    ]);
    // Size and type are shown beside the name and are the button's description.
    await screen.findByRole('button', { name: '发送文件 价格表.pdf', description: '2.0 KB · PDF' });
    expect(screen.getByRole('button', { name: '发送文件 logo.png', description: '500 B · 图片' })).toBeTruthy();
    expect(screen.getByText('资料 (1)')).toBeTruthy();
    expect(screen.getByText('我的文件 · 我的资料 (1)')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '删除 价格表.pdf' })).toBeNull();
    expect(screen.queryByRole('button', { name: '编辑 价格表.pdf' })).toBeNull();
    expect(screen.getByRole('button', { name: '删除 logo.png' })).toBeTruthy();
  });

  it('a click asks first, then sends the file into the conversation in view and shows it as sending', async () => {
    const { api } = setup([file({ name: '价格表.pdf' })]);
    fireEvent.click(await screen.findByRole('button', { name: '发送文件 价格表.pdf' }));
    expect(api.callsTo('file-phrases:send')).toHaveLength(0);
    const confirm = await screen.findByRole('tooltip');
    fireEvent.click(within(confirm).getByRole('button', { name: '发送' }));
    await waitFor(() => expect(api.callsTo('file-phrases:send')).toEqual([{ id: '价格表.pdf', conversationId: 'c1' }]));
    await waitFor(() => expect(useMessagesStore.getState().byConversation.c1?.[0]).toMatchObject({ kind: 'file', delivery: 'sending' }));
  });

  it('a file added elsewhere appears when the services say phrases changed', async () => {
    const { api, setFiles } = setup([file({ name: '价格表.pdf' })]);
    await screen.findByRole('button', { name: '发送文件 价格表.pdf' });
    setFiles([file({ name: '价格表.pdf' }), file({ name: '新公告.pdf', categoryId: null })]);
    act(() => api.emit('phrases:changed', { count: 2 }));
    expect(await screen.findByRole('button', { name: '发送文件 新公告.pdf' })).toBeTruthy();
  });

  it('uploads a chosen file with a progress bar, then lists it', async () => {
    const { api, setFiles, finishUpload } = setup([]);
    await screen.findByText('暂无常用文件');
    const picked = new File([new Uint8Array(4000)], '手册.pdf', { type: 'application/pdf' });
    fireEvent.change(screen.getByLabelText('选择文件'), { target: { files: [picked] } });
    await waitFor(() => expect(api.callsTo('file-phrases:upload')).toHaveLength(1));
    const request = api.callsTo('file-phrases:upload')[0] as { uploadId: string; file: { name: string } };
    expect(request.file.name).toBe('手册.pdf');
    act(() => api.emit('file-phrases:upload-progress', { uploadId: request.uploadId, sent: 1000, total: 4000 }));
    const bar = await screen.findByRole('progressbar', { name: '正在上传 手册.pdf' });
    expect(bar.getAttribute('aria-valuenow')).toBe('25');
    const uploaded = file({ name: '手册.pdf', scope: 'personal', ownerId: 'a1', categoryId: null, size: 4000 });
    setFiles([uploaded]);
    act(() => finishUpload(ok(uploaded)));
    expect(await screen.findByRole('button', { name: '发送文件 手册.pdf' })).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('renames and moves a personal file to another category', async () => {
    const { api } = setup([file({ name: 'a.pdf', scope: 'personal', ownerId: 'a1', categoryId: null })]);
    fireEvent.click(await screen.findByRole('button', { name: '编辑 a.pdf' }));
    const name = await screen.findByLabelText('文件名');
    fireEvent.change(name, { target: { value: '报价.pdf' } });
    fireEvent.mouseDown(screen.getByLabelText('分类'));
    fireEvent.click(await screen.findByTitle('我的资料'));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(api.callsTo('file-phrases:update')).toEqual([{ id: 'a.pdf', patch: { name: '报价.pdf', categoryId: 'my-cat' } }]));
  });
});
