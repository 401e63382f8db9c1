/**
 * The password policy (password-policy.ts) as a form shows it: the rules to list under a password
 * input and the one a typed password breaks, each with the numbers its words need. The console and
 * the workstation word them in their own i18n (key = the rule), from this one list.
 */
import { LIMITS } from './limits.js';
import { passwordMatchesAccount, passwordRuleBroken, type PasswordRule } from './password-policy.js';

/** In the order a form lists them. */
export const PASSWORD_RULE_HINTS: readonly PasswordRule[] = ['minLength', 'maxLength', 'blank', 'common', 'sameAsAccount'];

/** What a rule's words interpolate ({{min}}, {{max}}). */
export function passwordRuleValues(rule: PasswordRule): Record<string, number> {
  if (rule === 'minLength') return { min: LIMITS.passwordMin };
  if (rule === 'maxLength') return { max: LIMITS.passwordMax };
  return {};
}

/** The first rule a password being set breaks (the account rule when the account is known), or null. */
export function passwordHintBroken(password: string, account: string | undefined): PasswordRule | null {
  const rule = passwordRuleBroken(password);
  if (rule) return rule;
  return account && passwordMatchesAccount(password, account) ? 'sameAsAccount' : null;
}
