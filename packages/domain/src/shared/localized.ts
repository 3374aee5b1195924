/** Text shown to people, in the two UI languages. zh-CN is the default. */
export interface LocalizedText {
  zh: string;
  en: string;
}

export type Locale = 'zh-CN' | 'en-US';

export const pickText = (text: LocalizedText, locale: Locale): string => (locale === 'en-US' ? text.en : text.zh);
