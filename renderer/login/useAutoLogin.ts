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
 * again after the agent logged out by hand.
 */
let triedThisStart = false;

export function useAutoLogin(snapshot: SessionSnapshot, submit: (fields: Fields) => Promise<void>): void {
  useEffect(() => {
    const { settings, hasRememberedPassword, agent } = snapshot;
    if (triedThisStart || agent || !settings.autoLogin || !hasRememberedPassword || !settings.lastAccount) return;
    triedThisStart = true;
    void submit({ account: settings.lastAccount, password: '', rememberPassword: true, autoLogin: true, autoStart: settings.autoStart });
  }, [snapshot, submit]);
}
