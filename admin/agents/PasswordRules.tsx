import { useTranslation } from 'react-i18next';
import { PASSWORD_RULE_HINTS, passwordRuleValues } from '../../shared/password-rule-hints.js';

/** The rules of shared/password-policy.ts in the admin's language, shown under the password input. */
export function PasswordRules({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <div id={id}>
      {t('agents.passwordRules.title')}
      <ul className="admin-password-rules">
        {PASSWORD_RULE_HINTS.map((rule) => (
          <li key={rule}>{t(`agents.passwordRules.${rule}`, passwordRuleValues(rule))}</li>
        ))}
      </ul>
    </div>
  );
}
