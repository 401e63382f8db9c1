import { describe, expect, it } from 'vitest';
import { applyLook, parseLook } from './launcher-look.js';

describe("the launcher's look on the company's site", () => {
  it('takes only a well-formed corner and colours (a message from our frame is still checked)', () => {
    expect(parseLook({ position: 'bottom-left', themeColor: '#cf1322', themeTextColor: '#ffffff', title: 'x' })).toEqual({
      position: 'bottom-left',
      color: '#cf1322',
      textColor: '#ffffff',
    });
    expect(parseLook({ position: 'top-left', themeColor: '#cf1322', themeTextColor: '#ffffff' })).toBeNull();
    expect(parseLook({ position: 'bottom-left', themeColor: 'red;background:url(x)', themeTextColor: '#ffffff' })).toBeNull();
    expect(parseLook(null)).toBeNull();
  });

  it('moves the button and its window to the corner, in the colours', () => {
    const button = document.createElement('button');
    const frame = document.createElement('iframe');
    button.style.right = '20px';
    frame.style.right = '20px';
    applyLook({ position: 'bottom-left', color: '#ffd666', textColor: '#1f1f1f' }, button, frame);
    expect([button.style.left, button.style.right, frame.style.left, frame.style.right]).toEqual(['20px', 'auto', '20px', 'auto']);
    expect(button.style.background).toBe('rgb(255, 214, 102)');
    expect(button.style.color).toBe('rgb(31, 31, 31)');
  });
});
