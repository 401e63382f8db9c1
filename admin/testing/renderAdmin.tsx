import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { I18nextProvider } from 'react-i18next';
import { theme } from '../../renderer/app/theme.js';
import { i18n } from '../i18n/index.js';
import { ApiProvider } from '../api/ApiContext.js';
import type { AdminApi } from '../api/admin-api.js';

/** Renders inside the providers the console's root uses (zh-CN, antd locale and theme, App, the API). */
export function renderAdmin(ui: ReactElement, api: AdminApi) {
  void i18n.changeLanguage('zh-CN');
  return render(
    <I18nextProvider i18n={i18n}>
      <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
        <AntApp>
          <ApiProvider api={api}>{ui}</ApiProvider>
        </AntApp>
      </ConfigProvider>
    </I18nextProvider>,
  );
}
