import '../testing/setupDom.js';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakeKefu } from '../testing/fakeKefu.js';
import { renderWithApp } from '../testing/renderWithApp.js';
import { conversation } from '../testing/fixtures.js';
import { provideKefu } from '../app/kefu.js';
import { useConversationsStore } from '../visitors/conversationsStore.js';
import { VisitorList } from '../visitors/VisitorList.js';
import { useSummaryRequest } from './summaryStore.js';
import { SummaryModal } from './SummaryModal.js';
import { ok } from '../../shared/errors.js';
import { ConversationSchema, type ServerSettings } from '../../shared/domain.js';
import { useCompanySettingsStore } from '../company/companySettings.js';
import type { CompanySettings } from '../../shared/ipc/company-settings.js';

afterEach(() => {
  cleanup();
  provideKefu(null);
  useSummaryRequest.setState({ conversationId: null });
  useCompanySettingsStore.setState({ value: null });
});

const open = conversation({ id: 'c7', roomNo: '访客123456' });

const company = (summaryRequired: boolean): CompanySettings => ({
  settings: { summaryRequired, agentUploadMaxMb: 20 } as ServerSettings,
  autoReply: { greetingEnabled: false, greeting: '', busyEnabled: false, busyReply: '', notRespondingSeconds: 0 },
});

function setup(summaryRequired = true) {
  const api = new FakeKefu({
    'company-settings:get': () => ok(company(summaryRequired)),
    'topics:list': () =>
      ok([
        { id: 't1', name: '售前咨询', enabled: true },
        { id: 't2', name: '已停用', enabled: false },
      ]),
    'conversations:close': () => ok(ConversationSchema.parse({ ...open, state: 'ended' })),
  });
  provideKefu(api);
  useConversationsStore.setState({ conversations: [open], selectedId: null });
  renderWithApp(<SummaryModal />);
  return api;
}

describe('closing needs a summary (小结)', () => {
  it('does not close without topic and note', async () => {
    const api = setup();
    act(() => useSummaryRequest.getState().ask('c7'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('对话小结 · 访客123456')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '结束对话' }));
    expect(await within(dialog).findByText('请选择对话主题')).toBeTruthy();
    expect(await within(dialog).findByText('请填写小结备注')).toBeTruthy();
    expect(api.callsTo('conversations:close')).toHaveLength(0);
  });

  it('closes with the chosen topic and note, then goes away', async () => {
    const api = setup();
    act(() => useSummaryRequest.getState().ask('c7'));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(api.callsTo('topics:list')).toHaveLength(1));
    fireEvent.mouseDown(within(dialog).getByRole('combobox', { name: '对话主题' }));
    // Disabled topics are not offered.
    expect(screen.queryByText('已停用')).toBeNull();
    fireEvent.click(await screen.findByText('售前咨询'));
    fireEvent.change(within(dialog).getByLabelText('小结备注'), { target: { value: '  询问价格  ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '结束对话' }));
    await waitFor(() => expect(api.callsTo('conversations:close')).toHaveLength(1));
    expect(api.callsTo('conversations:close')[0]).toEqual({ conversationId: 'c7', topicId: 't1', note: '询问价格' });
    await waitFor(() => expect(useSummaryRequest.getState().conversationId).toBeNull());
  });

  it('the close button of a visitor-list row asks for the summary', async () => {
    setup();
    // jsdom lays nothing out; give the list's scroll box a size so the virtual list renders rows.
    const size = (value: number) => ({
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('kefu-visitor-scroll') ? value : 0;
      },
    });
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', size(600));
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', size(300));
    try {
      renderWithApp(<VisitorList />);
    } finally {
      delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
      delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
    }
    fireEvent.click(screen.getByRole('button', { name: '结束对话 访客123456' }));
    await waitFor(() => expect(useSummaryRequest.getState().conversationId).toBe('c7'));
    expect(await screen.findByText('对话小结 · 访客123456')).toBeTruthy();
  });
});

describe('when the company does not require a summary (公司设置)', () => {
  it('closes with neither topic nor note, and asks for them again once the company requires them, live', async () => {
    const api = setup(false);
    act(() => useSummaryRequest.getState().ask('c7'));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText(/公司未要求填写小结/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '结束对话' }));
    await waitFor(() => expect(api.callsTo('conversations:close')).toEqual([{ conversationId: 'c7', note: '' }]));
    await waitFor(() => expect(useSummaryRequest.getState().conversationId).toBeNull());

    // An admin turns it back on: the open workstation follows without a reload.
    act(() => api.emit('company-settings:changed', company(true)));
    act(() => useSummaryRequest.getState().ask('c7'));
    const again = await screen.findByRole('dialog');
    expect(within(again).queryByText(/公司未要求填写小结/)).toBeNull();
    fireEvent.click(within(again).getByRole('button', { name: '结束对话' }));
    expect(await within(again).findByText('请选择对话主题')).toBeTruthy();
    expect(api.callsTo('conversations:close')).toHaveLength(1);
  });
});
