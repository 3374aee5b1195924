/**
 * Two UI languages, Simplified Chinese first. Strings are written inline in both languages
 * (`t('工单', 'Tickets')`), which keeps each screen readable on its own and needs no key files.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { apiSession } from './api.ts';

export type Locale = 'zh-CN' | 'en-US';
const STORAGE_KEY = 'gongdan.locale';

export function initialLocale(): Locale {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return saved === 'en-US' ? 'en-US' : 'zh-CN';
}

interface I18n {
  locale: Locale;
  setLocale: (l: Locale) => void;
  /** Picks the text of the current language. */
  t: (zh: string, en: string) => string;
  en: boolean;
}

const Ctx = createContext<I18n | null>(null);

function apply(l: Locale): void {
  apiSession.setLanguage(l);
  dayjs.locale(l === 'en-US' ? 'en' : 'zh-cn');
  document.documentElement.lang = l;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setState] = useState<Locale>(() => {
    const l = initialLocale();
    apply(l);
    return l;
  });
  const setLocale = useCallback((l: Locale) => {
    localStorage.setItem(STORAGE_KEY, l);
    apply(l);
    setState(l);
  }, []);
  const value = useMemo<I18n>(() => ({
    locale, setLocale, en: locale === 'en-US', t: (zh, en) => (locale === 'en-US' ? en : zh),
  }), [locale, setLocale]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

/** Picks zh/en of a LocalizedText from the domain. */
export function useText(): (text: { zh: string; en: string } | undefined, fallback?: string) => string {
  const { en } = useI18n();
  // Stable per language, so memoised tables and option lists keep their cells between renders.
  return useCallback((text, fallback = '') => (text ? (en ? text.en : text.zh) : fallback), [en]);
}
