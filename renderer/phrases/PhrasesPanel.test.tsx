import '../testing/setupDom.js';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { FakeKefu } from '../testing/fakeKefu.js';
import { renderWithApp } from '../testing/renderWithApp.js';
import { agent, snapshot } from '../testing/sampleSettings.js';
import { conversation } from '../testing/fixtures.js';
import { provideKefu } from '../app/kefu.js';
import { useSessionStore } from '../login/sessionStore.js';
import { useConversationsStore } from '../visitors/conversationsStore.js';
import { MessageInput } from '../dialog/MessageInput.js';
import { ok } from '../../shared/errors.js';
import type { Phrase } from '../../shared/phrases.js';
import { PhrasesPanel } from './PhrasesPanel.js';
import { usePhrasesStore } from './phrasesStore.js';

afterEach(() => {
  cleanup();
  provideKefu(null);
});

const phrase = (over: Partial<Phrase>): Phrase => ({
  id: over.title ?? 'p',
  groupId: null,
  scope: 'public',
  ownerId: null,
  categoryId: 'pc-greeting',
  kind: 'text',
  title: 't',
  content: 'c',
  shortcut: null,
  hotkey: null,
  sortOrder: 0,
  updatedAt: 0,
  ...over,
});

const PHRASES = [
  phrase({ title: '称呼问候', content: '{访客昵称}您好，我是{客服昵称}', shortcut: 'hn' }),
  phrase({ title: '感谢咨询', content: '感谢您的咨询，祝您生活愉快！', shortcut: 'th', categoryId: 'pc-closing', hotkey: 'Alt+2' }),
  phrase({ title: '帮助中心', kind: 'link', content: 'https://example.com/help', categoryId: 'pc-links' }),
  phrase({ title: '我的话', scope: 'personal', ownerId: 'a1', categoryId: null, content: '我自己的' }),
  phrase({ title: '本组活动', scope: 'group', groupId: 'g1', categoryId: 'gc-sales', content: '本周满减' }),
  phrase({ title: '本组须知', scope: 'group', groupId: 'g1', categoryId: null, content: '先核对订单' }),
];

function setup() {
  const api = new FakeKefu({
    'phrases:list': () =>
      ok({
        categories: [
          { id: 'pc-greeting', scope: 'public', ownerId: null, groupId: null, name: '问候', sortOrder: 0, updatedAt: 0 },
          { id: 'pc-closing', scope: 'public', ownerId: null, groupId: null, name: '结束', sortOrder: 1, updatedAt: 0 },
          { id: 'pc-links', scope: 'public', ownerId: null, groupId: null, name: '常用链接', sortOrder: 2, updatedAt: 0 },
          { id: 'gc-sales', scope: 'group', ownerId: null, groupId: 'g1', name: '售前话术', sortOrder: 0, updatedAt: 0 },
        ],
        phrases: PHRASES,
      }),
    'conversations:set-typing': () => ok(null),
  });
  provideKefu(api);
  useSessionStore.setState({ snapshot: snapshot({ agent: agent({ nickname: '小王' }) }) });
  useConversationsStore.setState({ conversations: [conversation({ id: 'c1', visitorName: '张三' })], selectedId: 'c1' });
  usePhrasesStore.setState({ phrases: [], categories: [], loaded: false });
  renderWithApp(
    <>
      <MessageInput conversationId="c1" />
      <PhrasesPanel />
    </>,
  );
  const box = screen.getByLabelText('输入消息') as HTMLTextAreaElement;
  return { api, box };
}

describe('phrases panel and the input box', () => {
  it('a click inserts the phrase at the cursor with variables filled, and sends nothing', async () => {
    const { api, box } = setup();
    fireEvent.change(box, { target: { value: '开头结尾' } });
    box.setSelectionRange(2, 2);
    fireEvent.click(await screen.findByRole('button', { name: '插入常用语 称呼问候' }));
    await waitFor(() => expect(box.value).toBe(`开头张三您好，我是小王结尾`));
    fireEvent.click(screen.getByRole('button', { name: '插入常用语 帮助中心' }));
    await waitFor(() => expect(box.value).toContain('https://example.com/help'));
    expect(api.callsTo('conversations:send-message')).toHaveLength(0);
    // Public ones have no edit button; 我的 ones do.
    expect(screen.queryByRole('button', { name: '编辑 感谢咨询' })).toBeNull();
    expect(screen.getByRole('button', { name: '编辑 我的话' })).toBeTruthy();
  });

  it("the agent's group's phrases have their own 本组 sections, after the company's, and no edit buttons", async () => {
    setup();
    await screen.findByRole('button', { name: '插入常用语 本组活动' });
    const labels = ['问候 (1)', '结束 (1)', '常用链接 (1)', '本组 · 售前话术 (1)', '本组 (1)', '我的 (1)'].map((label) => screen.getByText(label));
    // In that order in the document.
    labels.reduce((previous, next) => (expect(previous.compareDocumentPosition(next) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy(), next));
    expect(screen.getByRole('button', { name: '插入常用语 本组须知' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '编辑 本组活动' })).toBeNull();
  });

  it('the search box filters by title, code and content', async () => {
    setup();
    await screen.findByRole('button', { name: '插入常用语 感谢咨询' });
    fireEvent.change(screen.getByLabelText('搜索常用语（标题、代码、内容）'), { target: { value: '生活愉快' } });
    await waitFor(() => expect(screen.queryByRole('button', { name: '插入常用语 称呼问候' })).toBeNull());
    expect(screen.getByRole('button', { name: '插入常用语 感谢咨询' })).toBeTruthy();
  });

  it('"/" + code opens the popup; arrows and Enter insert in place of the token; Esc closes', async () => {
    const { api, box } = setup();
    await screen.findByRole('button', { name: '插入常用语 感谢咨询' });
    fireEvent.change(box, { target: { value: '好的 /th', selectionStart: 6, selectionEnd: 6 } });
    const list = await screen.findByRole('listbox', { name: '常用语快捷输入' });
    expect(list.textContent).toContain('感谢咨询');
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(box.value).toBe('好的 感谢您的咨询，祝您生活愉快！'));
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(api.callsTo('conversations:send-message')).toHaveLength(0);

    fireEvent.change(box, { target: { value: '/', selectionStart: 1, selectionEnd: 1 } });
    await screen.findByRole('listbox');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    const options = screen.getAllByRole('option');
    expect(options[1]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
  });

  it('a per-phrase hotkey inserts at the cursor', async () => {
    const { box } = setup();
    await screen.findByRole('button', { name: '插入常用语 感谢咨询' });
    fireEvent.change(box, { target: { value: 'x', selectionStart: 1, selectionEnd: 1 } });
    box.setSelectionRange(1, 1);
    fireEvent.keyDown(box, { key: '2', code: 'Digit2', altKey: true });
    await waitFor(() => expect(box.value).toBe('x感谢您的咨询，祝您生活愉快！'));
  });
});
