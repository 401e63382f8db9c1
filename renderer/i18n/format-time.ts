/**
 * Dates and times in the workstation's language, never the browser's: the 简体中文 UI shows 22:40:15
 * even on a machine whose system locale is American English, and the English UI shows 10:40:15 PM.
 * One Intl.DateTimeFormat per language and form, made on first use and kept: building one is far
 * dearer than formatting with it, and message lists format on every render.
 */
import { useTranslation } from 'react-i18next';
import { i18n, type Language } from './index.js';

export type TimeForm = 'time' | 'shortTime' | 'dateTime';

type Options = Record<TimeForm, Intl.DateTimeFormatOptions>;

// The hour cycle is spelled out: a locale's default may differ between ICU versions and systems.
const FORMS: Record<Language, { locale: string; options: Options }> = {
  'zh-CN': {
    locale: 'zh-CN',
    options: {
      time: { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
      shortTime: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
      dateTime: { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
    },
  },
  en: {
    locale: 'en-US',
    options: {
      time: { hour: 'numeric', minute: '2-digit', second: '2-digit', hourCycle: 'h12' },
      shortTime: { hour: 'numeric', minute: '2-digit', hourCycle: 'h12' },
      dateTime: { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit', hourCycle: 'h12' },
    },
  },
};

const cache = new Map<string, Intl.DateTimeFormat>();

/** The language the UI shows now; anything unknown falls back to zh-CN like the translations do. */
export function uiLanguage(language: string | undefined = i18n.language): Language {
  return language === 'en' || language?.startsWith('en-') ? 'en' : 'zh-CN';
}

/** The cached formatter of one language and form (exported for the tests that count them). */
export function dateTimeFormat(language: Language, form: TimeForm): Intl.DateTimeFormat {
  const key = `${language}|${form}`;
  let format = cache.get(key);
  if (!format) {
    const { locale, options } = FORMS[language];
    format = new Intl.DateTimeFormat(locale, options[form]);
    cache.set(key, format);
  }
  return format;
}

/** `at` (epoch ms or a Date) in `form`, in the given language or else the UI's current one. */
export function formatTime(at: number | Date, form: TimeForm = 'time', language: string = i18n.language): string {
  return dateTimeFormat(uiLanguage(language), form).format(at);
}

export const formatDateTime = (at: number | Date, language?: string): string => formatTime(at, 'dateTime', language);

/**
 * For components: formatters bound to the UI language. useTranslation re-renders the component
 * when the language changes, so what it shows switches with the setting.
 */
export function useTimeFormat(): { time: (at: number) => string; shortTime: (at: number) => string; dateTime: (at: number) => string } {
  const { i18n: instance } = useTranslation();
  const language = uiLanguage(instance.language);
  return {
    time: (at) => dateTimeFormat(language, 'time').format(at),
    shortTime: (at) => dateTimeFormat(language, 'shortTime').format(at),
    dateTime: (at) => dateTimeFormat(language, 'dateTime').format(at),
  };
}
