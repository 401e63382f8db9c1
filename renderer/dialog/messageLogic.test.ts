import { describe, expect, it } from 'vitest';
import { checkFile, mergeMessage, mergeMessages, sendKeyAction, splitLinks } from './messageLogic.js';
import { message } from '../testing/fixtures.js';
import { LIMITS } from '../../shared/limits.js';
import { uploadRuleFor } from '../../shared/company-rules.js';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; isComposing: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  isComposing: false,
  ...mods,
});

describe('mergeMessage', () => {
  it('turns a sending message into the stored one without a duplicate', () => {
    const pending = message({ id: 'local-1', clientId: 'x', seq: 0, sender: 'agent', delivery: 'sending', createdAt: 50 });
    const stored = { ...pending, id: 'srv-9', seq: 9, delivery: 'sent' as const };
    const merged = mergeMessage(mergeMessage([], pending), stored);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ id: 'srv-9', seq: 9, delivery: 'sent' });
  });

  it('orders by seq, then unsent messages by creation time', () => {
    const a = message({ clientId: 'a', seq: 2, createdAt: 500 });
    const b = message({ clientId: 'b', seq: 1, createdAt: 900 });
    const pendingLate = message({ clientId: 'p2', seq: 0, createdAt: 300, delivery: 'sending' });
    const pendingEarly = message({ clientId: 'p1', seq: 0, createdAt: 100, delivery: 'failed' });
    const merged = mergeMessages([], [pendingLate, a, pendingEarly, b]);
    expect(merged.map((m) => m.clientId)).toEqual(['b', 'a', 'p1', 'p2']);
  });

  it('newer stored messages land between the stored ones and the unsent tail, exactly as a full merge puts them', () => {
    const stored = Array.from({ length: 5 }, (_, i) => message({ clientId: `s${i}`, seq: i + 1, createdAt: i }));
    const unsent = message({ clientId: 'mine', seq: 0, sender: 'agent', delivery: 'sending', createdAt: 99 });
    const list = mergeMessages([], [...stored, unsent]);
    const newer = [message({ clientId: 'n8', seq: 8 }), message({ clientId: 'n6', seq: 6 }), message({ clientId: 'n7', seq: 7 })];
    const merged = mergeMessages(list, newer);
    expect(merged.map((m) => m.clientId)).toEqual(['s0', 's1', 's2', 's3', 's4', 'n6', 'n7', 'n8', 'mine']);
    // The agent's own message, stored at last, still replaces its 'sending' copy.
    const acked = mergeMessages(merged, [{ ...unsent, id: 'srv', seq: 9, delivery: 'sent' }]);
    expect(acked.map((m) => [m.clientId, m.delivery])).toEqual([...merged.slice(0, -1).map((m) => [m.clientId, 'sent']), ['mine', 'sent']]);
    // An older one (a backfill) or a duplicate goes through the full merge, with the same result.
    expect(mergeMessages(acked, [stored[2]!, message({ clientId: 'n6', seq: 6 })]).map((m) => m.clientId)).toEqual(acked.map((m) => m.clientId));
    expect(mergeMessage(acked, message({ clientId: 'n10', seq: 10 })).at(-1)!.clientId).toBe('n10');
  });

  it('replaying the same events changes nothing', () => {
    const list = [message({ clientId: 'a', seq: 1 }), message({ clientId: 'b', seq: 2 })];
    const once = mergeMessages([], list);
    expect(mergeMessages(once, list)).toEqual(once);
  });
});

describe('splitLinks', () => {
  it('makes http and https links and keeps the rest as text', () => {
    const segments = splitLinks('看这里 https://example.com/a?b=1, 或 http://x.cn。谢谢');
    expect(segments).toEqual([
      { kind: 'text', text: '看这里 ' },
      { kind: 'link', href: 'https://example.com/a?b=1', text: 'https://example.com/a?b=1' },
      { kind: 'text', text: ', 或 ' },
      { kind: 'link', href: 'http://x.cn/', text: 'http://x.cn' },
      { kind: 'text', text: '。谢谢' },
    ]);
  });

  it('never links javascript: or markup', () => {
    const text = '<script>alert(1)</script> javascript:alert(1) <a href="x">';
    expect(splitLinks(text)).toEqual([{ kind: 'text', text }]);
  });
});

describe('sendKeyAction', () => {
  it('Enter sends and Ctrl+Enter adds a line when the setting is enter', () => {
    expect(sendKeyAction('enter', key('Enter'))).toBe('send');
    expect(sendKeyAction('enter', key('Enter', { ctrlKey: true }))).toBe('newline');
  });
  it('Ctrl+Enter sends and Enter adds a line when the setting is ctrl-enter', () => {
    expect(sendKeyAction('ctrl-enter', key('Enter'))).toBe('newline');
    expect(sendKeyAction('ctrl-enter', key('Enter', { ctrlKey: true }))).toBe('send');
    expect(sendKeyAction('ctrl-enter', key('Enter', { metaKey: true }))).toBe('send');
  });
  it('ignores Enter while an IME is composing and other keys', () => {
    expect(sendKeyAction('enter', key('Enter', { isComposing: true }))).toBe('none');
    expect(sendKeyAction('enter', key('a'))).toBe('none');
  });
});

describe('checkFile', () => {
  it('refuses non-images and oversize files before reading them', () => {
    expect(checkFile('image', { size: 10, type: 'image/svg+xml' })?.key).toBe('dialog.notImage');
    expect(checkFile('image', { size: LIMITS.imageBytesMax + 1, type: 'image/png' })?.key).toBe('dialog.imageTooLarge');
    expect(checkFile('image', { size: LIMITS.imageBytesMax, type: 'image/png' })).toBeNull();
    expect(checkFile('file', { size: LIMITS.fileBytesMax + 1, type: '' })?.key).toBe('dialog.fileTooLarge');
    expect(checkFile('file', { size: 1, type: 'application/pdf' })).toBeNull();
  });

  it("refuses by the company's size for agents (公司设置 文件), images never above their own limit", () => {
    const MB = 1024 * 1024;
    const twoMb = uploadRuleFor({ visitorUploadsEnabled: true, visitorUploadMaxMb: 20, agentUploadMaxMb: 2 }, 'staff');
    expect(checkFile('file', { size: 2 * MB + 1, type: '' }, twoMb)).toEqual({ key: 'dialog.fileTooLarge', max: '2 MB' });
    expect(checkFile('file', { size: 2 * MB, type: '' }, twoMb)).toBeNull();
    expect(checkFile('image', { size: 2 * MB + 1, type: 'image/png' }, twoMb)?.key).toBe('dialog.imageTooLarge');
    const tenMb = uploadRuleFor({ visitorUploadsEnabled: true, visitorUploadMaxMb: 20, agentUploadMaxMb: 10 }, 'staff');
    expect(checkFile('image', { size: LIMITS.imageBytesMax + 1, type: 'image/png' }, tenMb)?.key).toBe('dialog.imageTooLarge');
    expect(checkFile('file', { size: 10 * MB, type: '' }, tenMb)).toBeNull();
  });
});
