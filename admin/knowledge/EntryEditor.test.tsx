import '../testing/setupDom.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakeApi } from '../testing/fakeApi.js';
import { renderAdmin } from '../testing/renderAdmin.js';
import { EntryEditor } from './EntryEditor.js';
import { fail, ok } from '../../shared/errors.js';
import { entry } from './knowledge-fixtures.js';

afterEach(cleanup);

const categories = [{ id: 'c1', groupId: null, name: '售后', sortOrder: 10 }];

function editor(api: FakeApi, existing = null as ReturnType<typeof entry> | null) {
  const onSaved = vi.fn();
  renderAdmin(<EntryEditor entry={existing} categories={categories} onSaved={onSaved} onClose={() => undefined} />, api);
  return onSaved;
}

const answerBox = () => screen.getByRole('textbox', { name: '答案' });
const preview = () => screen.getByRole('region', { name: '预览（客服看到的样子）' });

describe('EntryEditor', () => {
  it('refuses an empty question and an answer with no text before sending', async () => {
    const api = new FakeApi({ createKnowledgeEntry: () => ok(entry()) });
    editor(api);
    fireEvent.change(answerBox(), { target: { value: '<b></b> <ul></ul>' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('请输入问题')).toBeTruthy();
    expect(await screen.findByText('答案不能为空')).toBeTruthy();
    expect(api.callsOf('createKnowledgeEntry')).toHaveLength(0);
  });

  it('previews the answer as agents see it, markup typed as text staying text', async () => {
    editor(new FakeApi());
    fireEvent.change(answerBox(), {
      target: {
        value:
          '请在<b>七天内</b>申请<script>x</script>\n\n<ol><li><a href="https://kefu.test/r">退货页</a></li><li><a href="javascript:alert(1)">坏链接</a></li></ol>',
      },
    });
    const shown = preview();
    await waitFor(() => expect(shown.querySelector('strong')?.textContent).toBe('七天内'));
    expect(shown.querySelector('script')).toBeNull();
    expect(shown.textContent).toContain('申请<script>x</script>');
    const links = shown.querySelectorAll('a');
    expect([...links].map((a) => a.getAttribute('href'))).toEqual(['https://kefu.test/r']);
    expect(links[0]?.getAttribute('rel')).toContain('noopener');
    expect(shown.querySelectorAll('ol > li')).toHaveLength(2);
  });

  it('the toolbar wraps the selection in the format, and the preview follows', async () => {
    editor(new FakeApi());
    const box = answerBox() as HTMLTextAreaElement;
    fireEvent.change(box, { target: { value: '请在七天内申请' } });
    box.setSelectionRange(2, 5);
    fireEvent.click(within(screen.getByRole('toolbar', { name: '答案格式' })).getByRole('button', { name: '粗体' }));
    await waitFor(() => expect(box.value).toBe('请在<b>七天内</b>申请'));
    await waitFor(() => expect(preview().querySelector('strong')?.textContent).toBe('七天内'));
  });

  it('saves an existing entry from its source and shows the server refusal on the field', async () => {
    const api = new FakeApi({ updateKnowledgeEntry: () => fail('VALIDATION_FAILED', 'The request is not valid', { 'body.question': 'too long' }) });
    editor(api, entry());
    expect((answerBox() as HTMLTextAreaElement).value).toBe('<b>七天内</b>申请');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('too long')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('The request is not valid');
    expect(api.callsOf('updateKnowledgeEntry')[0]?.options).toEqual({
      params: { id: 'k1' },
      body: { question: '怎么退货', categoryId: 'c1', keywords: ['退货'], enabled: true, answer: '<b>七天内</b>申请' },
    });
  });
});
