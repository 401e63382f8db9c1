import { describe, expect, it } from 'vitest';
import { widgetEntry } from './widget-entry.js';

describe('widget entry (接入代码)', () => {
  it("a group's link and embed tag on the console's own backend", () => {
    expect(widgetEntry('https://kefu.example.com/admin/#/groups', { kind: 'group', id: '0198-abc' })).toEqual({
      link: 'https://kefu.example.com/widget?group=0198-abc',
      embed: '<script src="https://kefu.example.com/widget.js" data-group="0198-abc" async></script>',
    });
  });

  it('an agent (指定客服) the same way; ids are escaped in both', () => {
    const entry = widgetEntry('http://127.0.0.1:3710', { kind: 'agent', id: 'a"<b&c' });
    expect(entry.link).toBe('http://127.0.0.1:3710/widget?agent=a%22%3Cb%26c');
    expect(entry.embed).toBe('<script src="http://127.0.0.1:3710/widget.js" data-agent="a&quot;&lt;b&amp;c" async></script>');
  });
});
