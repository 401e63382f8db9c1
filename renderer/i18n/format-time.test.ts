import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from './index.js';
import { formatDateTime, formatTime, uiLanguage } from './format-time.js';

// Local wall-clock times: the formatter shows the agent's own time zone, whatever it is.
const evening = new Date(2026, 11, 7, 22, 40, 15);
const morning = new Date(2026, 0, 3, 9, 5, 3);

afterEach(async () => {
  vi.restoreAllMocks();
  await i18n.changeLanguage('zh-CN');
});

describe('formatTime in zh-CN', () => {
  it('is 24-hour with two-digit hours', () => {
    expect(formatTime(evening, 'time', 'zh-CN')).toBe('22:40:15');
    expect(formatTime(morning, 'time', 'zh-CN')).toBe('09:05:03');
    expect(formatTime(evening.getTime(), 'shortTime', 'zh-CN')).toBe('22:40');
  });

  it('writes dates year first', () => {
    expect(formatDateTime(evening, 'zh-CN')).toBe('2026/12/07 22:40:15');
    expect(formatDateTime(morning, 'zh-CN')).toBe('2026/01/03 09:05:03');
  });
});

describe('formatTime in English', () => {
  // ICU puts a (narrow) no-break space before AM/PM; \s matches either.
  it('is 12-hour with AM/PM', () => {
    expect(formatTime(evening, 'time', 'en')).toMatch(/^10:40:15\sPM$/);
    expect(formatTime(morning, 'time', 'en')).toMatch(/^9:05:03\sAM$/);
    expect(formatTime(evening, 'shortTime', 'en')).toMatch(/^10:40\sPM$/);
  });

  it('names the month', () => {
    expect(formatDateTime(evening, 'en')).toMatch(/^Dec 7, 2026, 10:40:15\sPM$/);
  });
});

describe('which language', () => {
  it("follows the UI's language, not the machine's", async () => {
    expect(formatTime(evening)).toBe('22:40:15');
    await i18n.changeLanguage('en');
    expect(formatTime(evening)).toMatch(/^10:40:15\sPM$/);
  });

  it('treats unknown languages like the translations do (zh-CN) and en-* as English', () => {
    expect(uiLanguage('fr')).toBe('zh-CN');
    expect(uiLanguage(undefined)).toBe('zh-CN');
    expect(uiLanguage('en-GB')).toBe('en');
    expect(formatTime(evening, 'time', 'de-DE')).toBe('22:40:15');
  });
});

describe('caching', () => {
  it('makes one Intl.DateTimeFormat per language and form, however often it formats', async () => {
    vi.resetModules();
    const fresh = await import('./format-time.js');
    const Original = Intl.DateTimeFormat;
    let made = 0;
    Intl.DateTimeFormat = class extends Original {
      constructor(...args: ConstructorParameters<typeof Original>) {
        super(...args);
        made += 1;
      }
    } as typeof Original;
    try {
      for (let i = 0; i < 500; i++) {
        fresh.formatTime(evening.getTime() + i * 1000, 'time', 'zh-CN');
        fresh.formatTime(evening.getTime() + i * 1000, 'time', 'en');
        fresh.formatDateTime(evening.getTime() + i * 1000, 'en');
      }
    } finally {
      Intl.DateTimeFormat = Original;
    }
    expect(made).toBe(3);
    expect(fresh.dateTimeFormat('en', 'time')).toBe(fresh.dateTimeFormat('en', 'time'));
    expect(fresh.dateTimeFormat('en', 'time')).not.toBe(fresh.dateTimeFormat('zh-CN', 'time'));
  });
});
