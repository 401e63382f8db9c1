import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../i18n/index.js';
import { theme } from '../app/theme.js';

/** Renders inside the same providers the real root uses (i18n zh-CN, antd locale and theme, App). */
export function renderWithApp(ui: ReactElement) {
  void i18n.changeLanguage('zh-CN');
  return render(
    <I18nextProvider i18n={i18n}>
      <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
        <AntApp>{ui}</AntApp>
      </ConfigProvider>
    </I18nextProvider>,
  );
}
