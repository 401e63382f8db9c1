import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits.js';
import { PASSWORD_RULES, PasswordSchema, passwordMatchesAccount, passwordRuleBroken, withPasswordUnlikeAccount } from './password-policy.js';
import { z } from 'zod';

describe('password policy', () => {
  it.each([
    ['admin123', 'the seeded admin password'],
    ['agent123', 'the seeded agent password'],
    ['Kefu-2026!', 'a mixed password'],
    ['密码密码密码密码', 'eight Chinese characters'],
    ['correct horse battery', 'a pass phrase with spaces'],
  ])('accepts %s (%s)', (password) => {
    expect(passwordRuleBroken(password)).toBeNull();
    expect(PasswordSchema.safeParse(password).success).toBe(true);
  });

  it.each([
    ['', 'blank'],
    ['        ', 'blank'],
    ['\t \n  \t  ', 'blank'],
    ['abc1234', 'minLength'],
    // Four emoji are eight UTF-16 units but four characters.
    ['😀😀😀😀', 'minLength'],
    ['x'.repeat(LIMITS.passwordMax + 1), 'maxLength'],
    ['12345678', 'common'],
    ['PassWord', 'common'],
    [' qwerty123 ', 'common'],
  ])('refuses %j for the rule %s, naming it', (password, rule) => {
    expect(passwordRuleBroken(password)).toBe(rule);
    const parsed = PasswordSchema.safeParse(password);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(PASSWORD_RULES[rule as keyof typeof PASSWORD_RULES]);
  });

  it('the account-name rule ignores case and surrounding spaces', () => {
    expect(passwordMatchesAccount(' Zhang.Wei01 ', 'zhang.wei01')).toBe(true);
    expect(passwordMatchesAccount('zhang.wei01!', 'zhang.wei01')).toBe(false);
  });

  it('withPasswordUnlikeAccount reports the account-name rule on the password field', () => {
    const schema = withPasswordUnlikeAccount(z.object({ account: z.string(), password: PasswordSchema }));
    const parsed = schema.safeParse({ account: 'xiaozhang01', password: 'XiaoZhang01' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['password', PASSWORD_RULES.sameAsAccount]]);
    expect(schema.safeParse({ account: 'xiaozhang01', password: 'Kefu-2026!' }).success).toBe(true);
  });
});
