import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN } from './zh-CN.js';
import { en } from './en.js';

export type Language = 'zh-CN' | 'en';
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];

/** Where the admin's choice is kept: the console is a web page, so localStorage of this origin. */
const LANGUAGE_KEY = 'kefu-admin-language';

function savedLanguage(): Language {
  try {
    const saved = localStorage.getItem(LANGUAGE_KEY);
    return saved === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** One i18next instance for the console; zh-CN first, English as the alternative. */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: savedLanguage(),
  fallbackLng: 'zh-CN',
  // React escapes what it renders; i18next escaping would double-escape names.
  interpolation: { escapeValue: false },
  initAsync: false,
});

export function setLanguage(language: Language): void {
  if (i18n.language !== language) void i18n.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Storage refused (private mode): the choice lasts for this page only.
  }
}

export const currentLanguage = (): Language => (i18n.language === 'en' ? 'en' : 'zh-CN');
