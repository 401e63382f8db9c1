import { describe, expect, it } from 'vitest';
import { renderLinkified, safeHref, splitLinks } from './linkify.js';

const render = (text: string): HTMLElement => renderLinkified(document.createElement('div'), text);

describe('linkify', () => {
  it('turns http and https URLs into safe links and keeps the rest as text', () => {
    const div = render('订单见 https://shop.example.com/o?id=1&x=2。谢谢 http://a.cn');
    const links = [...div.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://shop.example.com/o?id=1&x=2', 'http://a.cn/']);
    for (const a of links) {
      expect(a.target).toBe('_blank');
      expect(a.rel).toBe('noopener noreferrer nofollow');
    }
    expect(div.textContent).toBe('订单见 https://shop.example.com/o?id=1&x=2。谢谢 http://a.cn');
  });

  it('keeps script tags as literal text, creating no elements', () => {
    const text = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const div = render(text);
    expect(div.children).toHaveLength(0);
    expect(div.querySelector('script, img')).toBeNull();
    expect(div.textContent).toBe(text);
  });

  it('never links javascript:, data: or other schemes', () => {
    const text = 'javascript:alert(1) data:text/html,<b>x</b> ftp://x.cn mailto:a@b.cn';
    const div = render(text);
    expect(div.querySelectorAll('a')).toHaveLength(0);
    expect(div.textContent).toBe(text);
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('JAVASCRIPT://%0aalert(1)')).toBeNull();
  });

  it('does not let markup around a URL leak into the link', () => {
    const div = render('<a href="https://evil.example/x">click</a>');
    const links = [...div.querySelectorAll('a')];
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute('href')).toBe('https://evil.example/x');
    expect(links[0]!.getAttribute('onclick')).toBeNull();
    expect(div.textContent).toBe('<a href="https://evil.example/x">click</a>');
  });

  it('splits into parts that join back to the original text', () => {
    const text = 'a https://x.cn/p) b (http://y.cn/q, c';
    const parts = splitLinks(text);
    expect(parts.map((part) => part.text).join('')).toBe(text);
    expect(parts.filter((part) => part.kind === 'link').map((part) => part.text)).toEqual(['https://x.cn/p', 'http://y.cn/q']);
  });
});
