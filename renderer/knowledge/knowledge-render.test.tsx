import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { autoQueryFrom } from './autoQuery.js';
import { Highlighted } from './Highlighted.js';
import { RichAnswer } from './RichAnswer.js';

describe('knowledge rendering', () => {
  it('renders the answer structure as elements and any markup inside text as text', () => {
    const { container } = render(
      <RichAnswer
        doc={[
          { type: 'p', children: [{ text: '<script>alert(1)</script>' }, { text: '七天', bold: true }] },
          { type: 'ol', items: [[{ text: '退货页', href: 'https://kefu.test/r' }]] },
        ]}
      />,
    );
    expect(container.querySelector('script')).toBeNull();
    expect(container.textContent).toContain('<script>alert(1)</script>七天');
    expect(container.querySelector('strong')?.textContent).toBe('七天');
    const link = container.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://kefu.test/r');
    expect(link?.getAttribute('rel')).toContain('noopener');
  });

  it('highlights by ranges and ignores ranges that do not fit', () => {
    const { container } = render(
      <Highlighted
        text="申请退货流程"
        ranges={[
          [2, 4],
          [3, 5],
          [5, 99],
        ]}
      />,
    );
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['退货']);
    expect(container.textContent).toBe('申请退货流程');
  });

  it('takes the search words from a visitor message', () => {
    expect(autoQueryFrom('你好，我想问一下退货流程怎么走？')).toBe('退货流程');
    expect(autoQueryFrom('How do I reset my password?')).toBe('password');
    expect(autoQueryFrom('？？')).toBe('');
  });
});
