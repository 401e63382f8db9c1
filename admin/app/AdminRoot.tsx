import { useEffect, useState } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { theme } from '../../renderer/app/theme.js';
import { i18n } from '../i18n/index.js';
import { ApiProvider, useApi } from '../api/ApiContext.js';
import type { AdminApi } from '../api/admin-api.js';
import { useSessionStore } from '../session/sessionStore.js';
import { mayUseConsole } from '../session/login.js';
import { LoginPage } from '../session/LoginPage.js';
import { ConsoleLayout } from './ConsoleLayout.js';

/**
 * After a reload the tab still has its token but not the admin: `me` says whose it is. A token
 * that is no longer an admin's (role changed) goes back to the login page.
 */
function SessionGate() {
  const { t } = useTranslation();
  const api = useApi();
  const token = useSessionStore((s) => s.token);
  const admin = useSessionStore((s) => s.admin);
  const [checking, setChecking] = useState(token !== null && admin === null);

  useEffect(() => {
    if (token === null || admin !== null) return;
    setChecking(true);
    void api.call('me').then((result) => {
      setChecking(false);
      if (result.ok && mayUseConsole(result.value.role)) useSessionStore.getState().signedIn(token, result.value);
      else if (result.ok) useSessionStore.getState().signedOut(t('login.notAdmin'));
      // A refused token already signed out through the client (with its reason).
      else if (result.error.code !== 'UNAUTHENTICATED') useSessionStore.getState().signedOut(t('login.failed', { message: result.error.message }));
    });
  }, [api, token, admin, t]);

  if (checking) {
    return (
      <main className="admin-center">
        <Spin size="large" description={t('app.loading')} />
      </main>
    );
  }
  return admin ? <ConsoleLayout /> : <LoginPage />;
}

function Providers({ children }: { children: React.ReactNode }) {
  const { i18n: current } = useTranslation();
  return (
    <ConfigProvider locale={current.language === 'en' ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** The whole console: language, theme and locale, REST access, and login or the console. */
export function AdminRoot({ api }: { api: AdminApi }) {
  return (
    <I18nextProvider i18n={i18n}>
      <Providers>
        <ApiProvider api={api}>
          <SessionGate />
        </ApiProvider>
      </Providers>
    </I18nextProvider>
  );
}
