import { describe, expect, it } from 'vitest';
import { RichDocSchema } from './knowledge.js';
import { parseRichText, richDocToSource, richDocToText } from './knowledge-rich-text.js';

describe('knowledge answer rich text', () => {
  it('keeps the whitelisted formatting as structure', () => {
    const doc = parseRichText(
      '<p>退货请在<b>七天内</b>申请，<i>保持包装</i>。</p><ul><li>登录</li><li><a href="https://kefu.test/returns">退货页面</a></li></ul>',
    );
    expect(doc).toEqual([
      { type: 'p', children: [{ text: '退货请在' }, { text: '七天内', bold: true }, { text: '申请，' }, { text: '保持包装', italic: true }, { text: '。' }] },
      { type: 'ul', items: [[{ text: '登录' }], [{ text: '退货页面', href: 'https://kefu.test/returns' }]] },
    ]);
    expect(RichDocSchema.safeParse(doc).success).toBe(true);
    expect(richDocToText(doc)).toBe('退货请在七天内申请，保持包装。\n\n• 登录\n• 退货页面 (https://kefu.test/returns)');
  });

  it('turns script, style and event attributes into harmless text or nothing', () => {
    const doc = parseRichText('<script>alert(1)</script><b onclick="steal()">粗</b><style>*{}</style><img src=x onerror=alert(2)>');
    const text = richDocToText(doc);
    // Unknown tags stay as the literal characters: shown as text, never markup.
    expect(text).toBe('<script>alert(1)</script>粗<style>*{}</style><img src=x onerror=alert(2)>');
    expect(JSON.stringify(doc)).not.toMatch(/onclick|steal/);
    expect(doc[0]?.type === 'p' && doc[0].children.find((r) => r.bold)).toEqual({ text: '粗', bold: true });
  });

  it('drops links that are not http(s)', () => {
    for (const href of ['javascript:alert(1)', 'data:text/html,x', ' JaVaScRiPt:alert(1)', 'vbscript:x', '&#106;avascript:alert(1)']) {
      const doc = parseRichText(`<a href="${href}">点我</a>`);
      expect(doc).toEqual([{ type: 'p', children: [{ text: '点我' }] }]);
    }
  });

  it('reads plain text with blank lines as paragraphs and decodes entities', () => {
    const doc = parseRichText('第一段\n第二行\n\n第二段 &lt;b&gt; &amp; 1 < 2');
    expect(doc).toEqual([
      { type: 'p', children: [{ text: '第一段\n第二行' }] },
      { type: 'p', children: [{ text: '第二段 <b> & 1 < 2' }] },
    ]);
  });

  it('gives back, as source, exactly the answer it read (editing or exporting loses nothing)', () => {
    const sources = [
      '<p>退货请在<b>七天内</b>申请，<i>保持包装</i>。</p><ul><li>登录</li><li><a href="https://kefu.test/r?a=1&amp;b=2">退货页面</a></li></ul>',
      '第一段\n第二行\n\n第二段 &lt;b&gt; &amp;amp; 1 < 2 &#39;',
      '一行<br><br>空行之后仍是同一段<ol><li>甲<br>乙</li><li><b><i>粗斜</i></b>正常</li></ol>结尾',
      '<b>粗\n\n</b>x',
      '<a href="https://kefu.test/x"><b>链接</b></a><a href="https://kefu.test/y">另一个</a>',
      '<script>alert(1)</script> &lt;img&gt; a &amp; b',
    ];
    for (const source of sources) {
      const doc = parseRichText(source);
      const again = richDocToSource(doc);
      expect(parseRichText(again), again).toEqual(doc);
    }
    expect(richDocToSource(parseRichText('<p>甲</p><p>乙 <b>丙</b></p><ul><li>一</li></ul>'))).toBe('甲\n\n乙 <b>丙</b>\n\n<ul>\n<li>一</li>\n</ul>');
    expect(richDocToSource([{ type: 'p', children: [{ text: '<script>' }] }])).toBe('&lt;script&gt;');
  });
});
