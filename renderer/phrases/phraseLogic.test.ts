import { describe, expect, it } from 'vitest';
import { fillPhraseVariables, type Phrase } from '../../shared/phrases.js';
import { spliceAtCursor } from '../dialog/composerStore.js';
import { hotkeyOf, phraseInsertText, slashMatches, slashTokenAt } from './phraseLogic.js';

const phrase = (over: Partial<Phrase>): Phrase => ({
  id: over.title ?? 'p',
  groupId: null,
  scope: 'public',
  ownerId: null,
  categoryId: null,
  kind: 'text',
  title: 't',
  content: 'c',
  shortcut: null,
  hotkey: null,
  sortOrder: 0,
  updatedAt: 0,
  ...over,
});

describe('variables', () => {
  it('fills Chinese and English names, every occurrence, and leaves unknown ones', () => {
    const vars = { visitor: '张三', agent: '小王' };
    expect(fillPhraseVariables('{访客昵称}您好，我是{客服昵称}。{访客昵称}!', vars)).toBe('张三您好，我是小王。张三!');
    expect(fillPhraseVariables('Hi {visitor}, {agent} here', vars)).toBe('Hi 张三, 小王 here');
    expect(fillPhraseVariables('{订单号} {} {visitor', vars)).toBe('{订单号} {} {visitor');
    // A name that itself looks like a variable is not expanded again.
    expect(fillPhraseVariables('{visitor}', { visitor: '{agent}', agent: 'x' })).toBe('{agent}');
  });

  it('links insert their URL as written; text gets variables', () => {
    expect(phraseInsertText(phrase({ kind: 'link', content: 'https://e.com/{visitor}' }), { visitor: 'v', agent: 'a' })).toBe('https://e.com/{visitor}');
    expect(phraseInsertText(phrase({ content: '您好{访客昵称}' }), { visitor: '李四', agent: 'a' })).toBe('您好李四');
  });
});

describe('the "/" shortcut', () => {
  it('finds a slash token before the caret at the start or after a space only', () => {
    expect(slashTokenAt('/th', 3)).toEqual({ start: 0, end: 3, query: 'th' });
    expect(slashTokenAt('好的 /感谢', 6)).toEqual({ start: 3, end: 6, query: '感谢' });
    expect(slashTokenAt('/', 1)).toEqual({ start: 0, end: 1, query: '' });
    expect(slashTokenAt('http://x', 8)).toBeNull();
    expect(slashTokenAt('a/b', 3)).toBeNull();
    expect(slashTokenAt('/th more', 8)).toBeNull();
    // Only what is before the caret counts.
    expect(slashTokenAt('/th tail', 3)).toEqual({ start: 0, end: 3, query: 'th' });
  });

  it('ranks an exact code first, then code prefix, then title, content last', () => {
    const list = [
      phrase({ title: '内容里有th', content: 'with th inside' }),
      phrase({ title: 'thanks title', content: 'x' }),
      phrase({ title: '感谢咨询', shortcut: 'thx', content: 'y' }),
      phrase({ title: '结束', shortcut: 'th', content: 'z' }),
      phrase({ title: '无关', content: 'zzz' }),
    ];
    expect(slashMatches(list, 'th').map((p) => p.title)).toEqual(['结束', '感谢咨询', 'thanks title', '内容里有th']);
    expect(slashMatches(list, '感谢').map((p) => p.title)).toEqual(['感谢咨询']);
    expect(slashMatches(list, '', 2)).toHaveLength(2);
  });
});

describe('insert at cursor and hotkeys', () => {
  it('replaces the selection and puts the caret after the insert', () => {
    expect(spliceAtCursor('你好世界', 2, 2, '，')).toEqual({ value: '你好，世界', caret: 3 });
    expect(spliceAtCursor('abcdef', 1, 4, 'X')).toEqual({ value: 'aXef', caret: 2 });
    expect(spliceAtCursor('ab', 9, 9, '!')).toEqual({ value: 'ab!', caret: 3 });
  });

  it('names hotkeys like the schema and ignores plain keys', () => {
    expect(hotkeyOf({ key: '¡', code: 'Digit1', ctrlKey: false, altKey: true, shiftKey: false })).toBe('Alt+1');
    expect(hotkeyOf({ key: 'H', code: 'KeyH', ctrlKey: true, altKey: false, shiftKey: true })).toBe('Ctrl+Shift+H');
    expect(hotkeyOf({ key: 'a', code: 'KeyA', ctrlKey: false, altKey: false, shiftKey: false })).toBeNull();
    expect(hotkeyOf({ key: 'A', code: 'KeyA', ctrlKey: false, altKey: false, shiftKey: true })).toBeNull();
  });
});
