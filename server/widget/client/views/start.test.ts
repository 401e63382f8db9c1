import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_WIDGET_SETTINGS, widgetConfigOf, type WidgetSettings } from '../../../../shared/widget-settings.js';
import { menuShown, problemsFromDetails, startFormUntouched, startScreen } from './start.js';

const config = (settings: Partial<WidgetSettings> = {}) =>
  widgetConfigOf({ ...DEFAULT_WIDGET_SETTINGS, ...settings }, (id) => ({ a: '售前组', b: '售后组' })[id]);
const menu = {
  enabled: true,
  items: [
    { groupId: 'a', label: '' },
    { groupId: 'b', label: '' },
  ],
};

describe('the start screen (访客注册, 技能组 menu)', () => {
  it("today's defaults: the optional nickname only, blank left out of the answers", async () => {
    const onStart = vi.fn().mockResolvedValue(undefined);
    const form = startScreen({ config: config(), initial: {}, onStart });
    expect(form.querySelectorAll('input')).toHaveLength(1);
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(onStart).toHaveBeenCalledWith({});
  });

  it('a link to a group in the menu preselects it; a link to another group hides the menu', () => {
    expect(menuShown(config({ groupMenu: menu }), 'b')).toBe(true);
    expect(menuShown(config({ groupMenu: menu }), 'c')).toBe(false);
    expect(menuShown(config(), undefined)).toBe(false);
    const form = startScreen({ config: config({ groupMenu: menu }), initial: {}, linkedGroupId: 'b', onStart: vi.fn() });
    expect(form.querySelector<HTMLInputElement>('input[value="b"]')?.checked).toBe(true);
    expect(startFormUntouched(form.ownerDocument.body.appendChild(form).parentNode!)).toBe(true);
    form.querySelector<HTMLInputElement>('input[value="a"]')!.checked = true;
    expect(startFormUntouched(form.parentNode!)).toBe(false);
    form.remove();
  });

  it("shows the server's refusals beside their fields and keeps what was typed", () => {
    const problems = problemsFromDetails('REGISTRATION_REQUIRED', { 'body.email': 'required' });
    expect(problems).toEqual({ email: 'required' });
    expect(problemsFromDetails('VALIDATION_FAILED', { 'body.phone': 'a phone number' })).toEqual({ phone: 'invalid' });
    expect(problemsFromDetails('VALIDATION_FAILED', { 'body.other': 'x' })).toEqual({});
    const form = startScreen({
      config: config({ registration: { name: 'off', phone: 'optional', email: 'required', privacyNote: '' } }),
      initial: { phone: '13800138000' },
      problems,
      onStart: vi.fn(),
    });
    expect(form.querySelector<HTMLInputElement>('#kefu-start-phone')?.value).toBe('13800138000');
    expect(form.querySelector('#kefu-start-email-error')?.textContent).toContain('电子邮箱');
    expect(form.querySelector('#kefu-start-email')?.getAttribute('aria-invalid')).toBe('true');
  });
});
