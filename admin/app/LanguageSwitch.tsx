import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage, type Language } from '../i18n/index.js';

/** 中文 / English, each named in its own language so either reader finds theirs. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Select<Language>
      aria-label={t('app.language')}
      value={i18n.language === 'en' ? 'en' : currentLanguage()}
      onChange={setLanguage}
      options={[
        { value: 'zh-CN', label: '中文' },
        { value: 'en', label: 'English' },
      ]}
      style={{ width: 110 }}
    />
  );
}
