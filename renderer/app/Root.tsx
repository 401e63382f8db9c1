import { useEffect } from 'react';
import { LazyRegion, lazyPart } from './LazyRegion.js';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { I18nextProvider } from 'react-i18next';
import { i18n, setLanguage } from '../i18n/index.js';
import { kefu } from './kefu.js';
import { startRenderer } from './start.js';
import { useSessionStore } from '../login/sessionStore.js';
import { Workstation } from './Workstation.js';
import { AlertEffects } from '../alerts/AlertEffects.js';
import { UpdateBanner } from '../updates/UpdateBanner.js';
import { theme } from './theme.js';

// antd's styles come from its static sheet (imported first in main.tsx) instead of being computed
// and inserted by every component type as it first renders: that was most of the first frame's
// time. The console shares the theme but keeps the runtime styles (it does not load the sheet).
const workstationTheme = { ...theme, zeroRuntime: true };

// The login form (Form, Card, Checkbox…) is not in the script a restart with a session waits for.
const LoginPage = lazyPart(() => import('../login/LoginPage.js').then((m) => ({ default: m.LoginPage })));

/** The whole renderer: theme and locale, contract events, and login or the workstation. */
export function Root() {
  const snapshot = useSessionStore((s) => s.snapshot);
  const loadError = useSessionStore((s) => s.loadError);
  const language = snapshot?.settings.language ?? 'zh-CN';
  // Normally started by main.tsx already (before this first render); once per page.
  useEffect(() => startRenderer(kefu()), []);

  useEffect(() => setLanguage(language), [language]);

  return (
    <I18nextProvider i18n={i18n}>
      <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={workstationTheme} button={{ autoInsertSpace: false }}>
        <AntApp className="kefu-app">
          <AlertEffects />
          <UpdateBanner />
          {!snapshot ? (
            <div className="kefu-center">
              <Spin aria-label={i18n.t('common.loading')} />
              {loadError && <p role="alert">{loadError.message}</p>}
            </div>
          ) : snapshot.agent ? (
            <Workstation agent={snapshot.agent} />
          ) : (
            <LazyRegion>
              <LoginPage snapshot={snapshot} />
            </LazyRegion>
          )}
        </AntApp>
      </ConfigProvider>
    </I18nextProvider>
  );
}
