import { afterEach, describe, expect, it } from 'vitest';
import { formatTime, setLang, t } from './i18n.js';

const evening = new Date(2026, 11, 7, 22, 40, 15).getTime();
const morning = new Date(2026, 0, 3, 9, 5, 3).getTime();

afterEach(() => setLang('zh-CN'));

describe('widget times follow the widget language, not the browser', () => {
  it('zh-CN: 24-hour, two-digit hours', () => {
    setLang('zh-CN');
    expect(formatTime(evening)).toBe('22:40');
    expect(formatTime(morning)).toBe('09:05');
  });

  it('en: 12-hour with AM/PM', () => {
    setLang('en');
    // ICU puts a (narrow) no-break space before AM/PM; \s matches either.
    expect(formatTime(evening)).toMatch(/^10:40\sPM$/);
    expect(formatTime(morning)).toMatch(/^9:05\sAM$/);
    expect(t('send')).toBe('Send');
  });

  it('switches with the language, back and forth', () => {
    setLang('en');
    expect(formatTime(evening)).toMatch(/PM$/);
    setLang('zh-CN');
    expect(formatTime(evening)).toBe('22:40');
  });
});
