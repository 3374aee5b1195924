import type { Locale } from '@gongdan/domain/shared/localized';
import { defaultTaxonomy } from '@gongdan/text/default-taxonomy.data';

/** A taxonomy code with its display name (the code itself when the taxonomy does not know it). */
export function codedLabel(group: 'faultTypes' | 'causes', code: string | null, locale: Locale): { code: string; label: string } | null {
  if (!code) return null;
  const entry = defaultTaxonomy[group].find((e) => e.code === code);
  return { code, label: entry ? (locale === 'en-US' ? entry.names.en : entry.names.zh) : code };
}
