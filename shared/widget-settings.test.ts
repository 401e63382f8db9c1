import { describe, expect, it } from 'vitest';
import { accentOnWhite, contrastRatio, readableTextOn, registrationProblem, WidgetSettingsPatchSchema } from './widget-settings.js';

describe('widget settings rules', () => {
  it('text on any theme colour stays readable, and the colour as text on white reaches 4.5:1', () => {
    for (const color of ['#1664e3', '#ffd666', '#ffffff', '#000000', '#52c41a', '#cf1322', '#13c2c2', '#fadb14']) {
      const text = readableTextOn(color);
      expect(contrastRatio(color, text), color).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(accentOnWhite(color), '#ffffff'), color).toBeGreaterThanOrEqual(4.5);
    }
    expect(readableTextOn('#ffd666')).toBe('#1f1f1f');
    expect(readableTextOn('#1664e3')).toBe('#ffffff');
    expect(accentOnWhite('#1664e3')).toBe('#1664e3');
  });

  it("the pre-chat form's checks are the server's: phone and e-mail formats, required and optional", () => {
    expect(registrationProblem('phone', '', 'required')).toBe('required');
    expect(registrationProblem('phone', '', 'optional')).toBeNull();
    expect(registrationProblem('phone', 'call me', 'optional')).not.toBeNull();
    expect(registrationProblem('phone', '+86 138-0013-8000', 'required')).toBeNull();
    expect(registrationProblem('email', 'xm@', 'optional')).not.toBeNull();
    expect(registrationProblem('email', 'anything', 'off')).toBeNull();
  });

  it('a patch: at least one known field; the logo can only be removed', () => {
    expect(WidgetSettingsPatchSchema.safeParse({}).success).toBe(false);
    expect(WidgetSettingsPatchSchema.safeParse({ colour: '#fff' }).success).toBe(false);
    expect(WidgetSettingsPatchSchema.safeParse({ logo: { id: 'x', mime: 'image/png' } }).success).toBe(false);
    expect(WidgetSettingsPatchSchema.parse({ logo: null, themeColor: '#ABCDEF' })).toEqual({ logo: null, themeColor: '#abcdef' });
  });
});
