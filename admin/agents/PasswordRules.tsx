import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../shared/limits.js';

/** The rules of shared/password-policy.ts in the admin's language, shown under the password input. */
export function PasswordRules({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <div id={id}>
      {t('agents.passwordRules.title')}
      <ul className="admin-password-rules">
        <li>{t('agents.passwordRules.minLength', { min: LIMITS.passwordMin })}</li>
        <li>{t('agents.passwordRules.maxLength', { max: LIMITS.passwordMax })}</li>
        <li>{t('agents.passwordRules.blank')}</li>
        <li>{t('agents.passwordRules.common')}</li>
        <li>{t('agents.passwordRules.sameAsAccount')}</li>
      </ul>
    </div>
  );
}
