import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN } from './zh-CN.js';
import { en } from './en.js';

export type Language = 'zh-CN' | 'en';

/** One i18next instance for the whole renderer; zh-CN first, English as the alternative. */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  // React escapes what it renders; i18next escaping would double-escape visitor names.
  interpolation: { escapeValue: false },
  initAsync: false,
});

export function setLanguage(language: Language): void {
  if (i18n.language !== language) void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}
