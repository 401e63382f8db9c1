import type { TFunction } from 'i18next';
import { passwordHintBroken, passwordRuleValues } from '../../shared/password-rule-hints.js';

/**
 * The policy checked in the form before the server checks it again: the same rules
 * (shared/password-policy.ts), worded in the admin's language. Null when the password passes.
 */
export function passwordProblem(password: string, account: string | undefined, t: TFunction): string | null {
  const rule = passwordHintBroken(password, account);
  return rule ? t(`agents.passwordRules.${rule}`, passwordRuleValues(rule)) : null;
}
