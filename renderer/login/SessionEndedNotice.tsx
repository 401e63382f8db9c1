import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { assertNever } from '../../shared/errors.js';
import type { SessionEndReason } from '../../shared/session.js';

/** The i18n key of each reason the server gives for ending a session. */
export function sessionEndedKey(reason: SessionEndReason): string {
  switch (reason) {
    case 'logged-out':
      return 'login.sessionEnded.loggedOut';
    case 'password-changed':
      return 'login.sessionEnded.passwordChanged';
    case 'expired':
      return 'login.sessionEnded.expired';
    case 'disabled':
      return 'login.sessionEnded.disabled';
    case 'revoked':
      return 'login.sessionEnded.revoked';
    case 'role-changed':
      return 'login.sessionEnded.roleChanged';
    default:
      return assertNever(reason);
  }
}

/** Why the agent is back on the login page when they did not log out here themselves. */
export function SessionEndedNotice({ reason }: { reason: SessionEndReason | null }) {
  const { t } = useTranslation();
  if (!reason) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="status"
      aria-label={t('login.sessionEnded.title')}
      title={t('login.sessionEnded.title')}
      description={t(sessionEndedKey(reason))}
      style={{ marginBottom: 16 }}
    />
  );
}
