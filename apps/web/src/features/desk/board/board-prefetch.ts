import type { QueryClient } from '@tanstack/react-query';
import { apiSession } from '../../../lib/api.ts';
import { initialLocale } from '../../../lib/i18n.tsx';
import { sessionQuery } from '../../../lib/session.ts';
import { apiParams, filtersFrom } from './board-params.ts';
import { boardListQuery } from './use-board-query.ts';

/**
 * Opening the desk on the board: the first page of rows is asked for as soon as the session is
 * known, into the cache entry the board reads. Measured on a cold load (bench:board), the list
 * request otherwise started only after the layout and the board had rendered for the first time
 * (half a second of main thread later), and its answer cost a second render of the whole page;
 * now the rows are usually there for the board's first render. Nobody signed in: no request.
 */
export async function prefetchBoard(client: QueryClient, search: string): Promise<void> {
  // The rows carry the server's status labels in the person's language; the I18nProvider sets it
  // during the first render, which may not have happened yet (and the HTML's early requests are
  // taken only for the language they were made in).
  apiSession.setLanguage(initialLocale());
  const session = await client.fetchQuery(sessionQuery).catch(() => null);
  if (!session) return;
  await client.prefetchInfiniteQuery(boardListQuery(apiParams(filtersFrom(new URLSearchParams(search)))));
}
