import { sql, type RawBuilder } from 'kysely';

/**
 * `%text%` for a LIKE that finds `text` literally anywhere: `\`, `%` and `_` in it are escaped.
 * SQLite has no default LIKE escape character, so the pattern names `\` as its escape and the
 * same SQL means the same on both dialects.
 */
export function containsPattern(text: string): RawBuilder<string> {
  return sql<string>`${`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`;
}
