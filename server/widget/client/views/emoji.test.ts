import { describe, expect, it, vi } from 'vitest';
import { Composer } from './composer.js';

describe('表情 in the composer', () => {
  it('a pick goes in at the caret and counts as typing; turned off, the button hides and the grid closes', () => {
    const onDraft = vi.fn();
    const composer = new Composer({ onSend: vi.fn(), onDraft, onPick: vi.fn() });
    document.body.replaceChildren(composer.element);
    const input = composer.element.querySelector<HTMLTextAreaElement>('textarea')!;
    input.value = '你好呀';
    input.setSelectionRange(2, 2);
    const button = composer.element.querySelector<HTMLButtonElement>('button[aria-label="表情"]')!;
    button.click();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    composer.element.querySelector<HTMLButtonElement>('#kefu-emoji-panel button')!.click();
    expect(input.value).toBe('你好😀呀');
    expect(onDraft).toHaveBeenLastCalledWith('你好😀呀');
    expect(composer.element.querySelector<HTMLElement>('#kefu-emoji-panel')!.hidden).toBe(true);

    button.click();
    composer.setEmojiPicker(false);
    expect(button.hidden).toBe(true);
    expect(composer.element.querySelector<HTMLElement>('#kefu-emoji-panel')!.hidden).toBe(true);
  });
});
