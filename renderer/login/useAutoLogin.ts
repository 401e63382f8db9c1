import { useEffect } from 'react';
import type { SessionSnapshot } from '../../shared/ipc/contract.js';

interface Fields {
  account: string;
  password: string;
  rememberPassword: boolean;
  autoLogin: boolean;
  autoStart: boolean;
}

/**
 * 自动登录: once per start, when the agent chose it and a password is remembered. Only when the
 * services are not logged in already (snapshot.agent is null), so it never logs in twice, and not
 * again after the agent logged out by hand or the server ended the session on purpose.
 */
let triedThisStart = false;

export function useAutoLogin(snapshot: SessionSnapshot, submit: (fields: Fields) => Promise<void>): void {
  useEffect(() => {
    const { settings, hasRememberedPassword, agent, endReason } = snapshot;
    if (triedThisStart || agent || !settings.autoLogin || !hasRememberedPassword || !settings.lastAccount) return;
    // Ended on purpose (logged out elsewhere, disabled, revoked…): the agent reads why instead.
    // Only a login that expired for good is taken up again with the remembered password.
    if (endReason !== null && endReason !== 'expired') return;
    triedThisStart = true;
    void submit({ account: settings.lastAccount, password: '', rememberPassword: true, autoLogin: true, autoStart: settings.autoStart });
  }, [snapshot, submit]);
}
