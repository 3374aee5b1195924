/**
 * Two languages for the field app, Simplified Chinese first: strings are written inline in both
 * (`t('接单', 'Accept')`). Kept apart from the desk's i18n so /m loads no desk code.
 */
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { httpSession } from './http.ts';

export type Locale = 'zh-CN' | 'en-US';
const KEY = 'gongdan.locale';

interface I18n { locale: Locale; en: boolean; t: (zh: string, en: string) => string; setLocale: (l: Locale) => void }
const Ctx = createContext<I18n | null>(null);

function saved(): Locale {
  try {
    return localStorage.getItem(KEY) === 'en-US' ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setState] = useState<Locale>(saved);
  const value = useMemo<I18n>(() => {
    httpSession.setLanguage(locale);
    document.documentElement.lang = locale;
    return {
      locale, en: locale === 'en-US', t: (zh, en) => (locale === 'en-US' ? en : zh),
      setLocale: (l) => {
        try { localStorage.setItem(KEY, l); } catch { /* not persisted */ }
        setState(l);
      },
    };
  }, [locale]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

/** zh/en of a domain LocalizedText. */
export const pick = (en: boolean, text: { zh: string; en: string } | undefined, fallback = '') => (text ? (en ? text.en : text.zh) : fallback);
