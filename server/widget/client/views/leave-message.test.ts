import { describe, expect, it, vi } from 'vitest';
import { leaveMessageForm, validateOfflineMessage } from './leave-message.js';

describe('leave-a-message form', () => {
  it('names each empty or invalid field', () => {
    expect(Object.keys(validateOfflineMessage({ name: ' ', contact: '', text: '' })).sort()).toEqual(['contact', 'name', 'text']);
    expect(validateOfflineMessage({ name: '张三', contact: 'abc', text: '退货' }).contact).toBeTruthy();
    expect(validateOfflineMessage({ name: '张三', contact: '13800138000', text: '退货' })).toEqual({});
    expect(validateOfflineMessage({ name: '张三', contact: 'a@b.cn', text: 'x'.repeat(2001) }).text).toBeTruthy();
  });

  it('shows messages beside the fields and submits trimmed values only when valid', async () => {
    const onSubmit = vi.fn().mockResolvedValue(null);
    const form = leaveMessageForm({ initialName: '', onSubmit, onBack: null });
    document.body.append(form);
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(form.querySelector('#kefu-leave-name-error')?.textContent).toContain('姓名');
    expect(form.querySelector('#kefu-leave-name')?.getAttribute('aria-invalid')).toBe('true');

    (form.querySelector('#kefu-leave-name') as HTMLInputElement).value = ' 张三 ';
    (form.querySelector('#kefu-leave-contact') as HTMLInputElement).value = '13800138000';
    (form.querySelector('#kefu-leave-text') as HTMLTextAreaElement).value = '<b>想退货</b>';
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(onSubmit).toHaveBeenCalledWith({ name: '张三', contact: '13800138000', text: '<b>想退货</b>' });
    // Every control has an accessible name through its <label for>.
    for (const control of form.querySelectorAll('input, textarea')) {
      expect(form.querySelector(`label[for="${control.id}"]`)).not.toBeNull();
    }
  });
});
