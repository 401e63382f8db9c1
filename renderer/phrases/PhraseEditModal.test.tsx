import '../testing/setupDom.js';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { FakeKefu } from '../testing/fakeKefu.js';
import { renderWithApp } from '../testing/renderWithApp.js';
import { provideKefu } from '../app/kefu.js';
import { LIMITS } from '../../shared/limits.js';
import { PhraseEditModal } from './PhraseEditModal.js';

afterEach(() => {
  cleanup();
  provideKefu(null);
});

describe('phrase edit modal', () => {
  it('an over-long phrase is kept whole, shown as too long and not saved', async () => {
    const api = new FakeKefu({});
    provideKefu(api);
    let closed = 0;
    renderWithApp(<PhraseEditModal open phrase={null} onClose={() => closed++} />);
    const content = (await screen.findByLabelText('内容')) as HTMLTextAreaElement;
    const tooLong = '长'.repeat(LIMITS.messageTextMax + 1);
    fireEvent.change(screen.getByLabelText('标题'), { target: { value: '超长' } });
    fireEvent.change(content, { target: { value: tooLong } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText(`内容最多${LIMITS.messageTextMax}个字符`)).toBeTruthy();
    // Not cut at the limit behind the agent's back: they see all of it and shorten it themselves.
    expect(content.value).toBe(tooLong);
    await waitFor(() => expect(api.callsTo('phrases:create')).toHaveLength(0));
    expect(closed).toBe(0);
  });
});
