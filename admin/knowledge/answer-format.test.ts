import { describe, expect, it } from 'vitest';
import { parseRichText } from '../../shared/knowledge-rich-text.js';
import { applyFormat, applyLink } from './answer-format.js';

describe('answer toolbar edits', () => {
  it('wraps the selection and keeps it selected', () => {
    const edit = applyFormat('请在七天内申请', 2, 5, 'bold');
    expect(edit).toEqual({ text: '请在<b>七天内</b>申请', selectionStart: 5, selectionEnd: 8 });
    expect(parseRichText(edit.text)).toEqual([{ type: 'p', children: [{ text: '请在' }, { text: '七天内', bold: true }, { text: '申请' }] }]);
  });

  it('turns selected lines into list items the format reads as a list', () => {
    const source = '步骤：\n登录\n\n打开订单';
    const edit = applyFormat(source, 4, source.length, 'ol');
    expect(parseRichText(edit.text)).toEqual([
      { type: 'p', children: [{ text: '步骤：' }] },
      { type: 'ol', items: [[{ text: '登录' }], [{ text: '打开订单' }]] },
    ]);
    expect(applyFormat('', 0, 0, 'ul').text).toBe('<ul>\n<li></li>\n</ul>');
  });

  it('links the selection, or the address itself, with the address escaped for the attribute', () => {
    const edit = applyLink('看退货页', 1, 4, 'https://kefu.test/r?a=1&b=2');
    expect(parseRichText(edit.text)).toEqual([{ type: 'p', children: [{ text: '看' }, { text: '退货页', href: 'https://kefu.test/r?a=1&b=2' }] }]);
    expect(parseRichText(applyLink('', 0, 0, 'https://kefu.test/').text)).toEqual([
      { type: 'p', children: [{ text: 'https://kefu.test/', href: 'https://kefu.test/' }] },
    ]);
  });
});
