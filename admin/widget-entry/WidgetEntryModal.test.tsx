import '../testing/setupDom.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { FakeApi } from '../testing/fakeApi.js';
import { renderAdmin } from '../testing/renderAdmin.js';
import { WidgetEntryModal } from './WidgetEntryModal.js';

afterEach(cleanup);

describe('WidgetEntryModal', () => {
  it("shows the group's chat link and embed tag on this backend, and copies them", async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderAdmin(<WidgetEntryModal target={{ kind: 'group', id: 'g1' }} name="售前" onClose={() => undefined} />, new FakeApi());
    expect(screen.getByRole('dialog', { name: '售前 的接入代码' })).toBeTruthy();
    const link = screen.getByLabelText('咨询链接') as HTMLTextAreaElement;
    expect(link.value).toBe(`${location.origin}/widget?group=g1`);
    expect((screen.getByLabelText('网页嵌入代码') as HTMLTextAreaElement).value).toContain('data-group="g1"');
    fireEvent.click(screen.getByRole('button', { name: '复制咨询链接' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(`${location.origin}/widget?group=g1`));
    expect(await screen.findByText('已复制')).toBeTruthy();
  });
});
