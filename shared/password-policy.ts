/**
 * The password policy, defined once: every path that sets a password (create agent, change an
 * agent's password, change one's own password) validates with these, so the server, the services
 * and any form refuse the same passwords with the same words. Logging in does NOT apply the
 * policy: an account whose password predates a rule must still be able to log in.
 */
import { z } from 'zod';
import { LIMITS } from './limits.js';

/**
 * A tiny list of the most used passwords that are long enough to pass the length rule (shorter
 * ones already fail it). Compared case-insensitively. The seeded demo passwords (admin123,
 * agent123) are deliberately absent: the README and the tests log in with them and may set them
 * again; a real deployment changes them.
 */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '12345678',
  '123456789',
  '1234567890',
  '87654321',
  '11111111',
  '00000000',
  '88888888',
  '66666666',
  '12341234',
  '11223344',
  'password',
  'password1',
  'password123',
  'passw0rd',
  'qwertyui',
  'qwerty123',
  'qwertyuiop',
  '1qaz2wsx',
  '1q2w3e4r',
  'abcd1234',
  'abc12345',
  'a1234567',
  'aa123456',
  'iloveyou',
  'woaini1314',
  '5201314520',
]);

/** Each rule a password can break, with the words the error detail uses (the rule comes first). */
export const PASSWORD_RULES = {
  blank: 'only whitespace: use letters, digits or symbols',
  minLength: `too short: use at least ${LIMITS.passwordMin} characters`,
  maxLength: `too long: use at most ${LIMITS.passwordMax} characters`,
  common: 'too common: this is one of the most used passwords, choose another',
  sameAsAccount: 'same as the account name: choose a password unlike the account',
} as const;
export type PasswordRule = keyof typeof PASSWORD_RULES;

/** The first rule the password breaks on its own (without knowing the account), or null. */
export function passwordRuleBroken(password: string): PasswordRule | null {
  if (password.trim() === '') return 'blank';
  // Characters as a person counts them: a CJK or emoji password is not cut short by UTF-16.
  const length = [...password].length;
  if (length < LIMITS.passwordMin) return 'minLength';
  if (length > LIMITS.passwordMax) return 'maxLength';
  if (COMMON_PASSWORDS.has(password.trim().toLowerCase())) return 'common';
  return null;
}

/** Whether the password is the account name (ignoring case and surrounding spaces). */
export function passwordMatchesAccount(password: string, account: string): boolean {
  return password.trim().toLowerCase() === account.trim().toLowerCase();
}

/** A password being set. The account-name rule needs the account: see withPasswordUnlikeAccount. */
export const PasswordSchema = z.string().superRefine((value, ctx) => {
  const rule = passwordRuleBroken(value);
  if (rule) ctx.addIssue({ code: 'custom', message: PASSWORD_RULES[rule] });
});

/**
 * Adds the account-name rule to an object schema that carries both `account` and `password`
 * (creating an agent); the issue is reported on `password`. Runs only once both fields parsed.
 */
export function withPasswordUnlikeAccount<T extends z.ZodType<{ account: string; password?: string }>>(schema: T): T {
  return schema.superRefine((value, ctx) => {
    if (value.password !== undefined && passwordMatchesAccount(value.password, value.account)) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: PASSWORD_RULES.sameAsAccount });
    }
  }) as T;
}
