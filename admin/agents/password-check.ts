import type { TFunction } from 'i18next';
import { LIMITS } from '../../shared/limits.js';
import { passwordMatchesAccount, passwordRuleBroken } from '../../shared/password-policy.js';

/**
 * The policy checked in the form before the server checks it again: the same rules
 * (shared/password-policy.ts), worded in the admin's language. Null when the password passes.
 */
export function passwordProblem(password: string, account: string | undefined, t: TFunction): string | null {
  const rule = passwordRuleBroken(password);
  if (rule === 'minLength') return t('agents.passwordRules.minLength', { min: LIMITS.passwordMin });
  if (rule === 'maxLength') return t('agents.passwordRules.maxLength', { max: LIMITS.passwordMax });
  if (rule) return t(`agents.passwordRules.${rule}`);
  if (account && passwordMatchesAccount(password, account)) return t('agents.passwordRules.sameAsAccount');
  return null;
}
