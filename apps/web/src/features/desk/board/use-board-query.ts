import { useMemo } from 'react';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import type { TicketListParams } from '../../../lib/api-types.ts';
import { keys } from '../../../lib/query-keys.ts';

/** The board's list query: one cache entry per filter set (the board-prefetch fills the same entry). */
export const boardListQuery = (params: TicketListParams) => infiniteQueryOptions({
  queryKey: keys.ticketList(params),
  queryFn: ({ pageParam }) => api.tickets.list(pageParam ? { ...params, cursor: pageParam } : params),
  initialPageParam: '',
  getNextPageParam: (last) => last.nextCursor ?? undefined,
});

/** Cursor-paged board rows; "加载更多" fetches the next page after the last row seen. */
export function useBoardQuery(params: TicketListParams) {
  // The previous filter's rows stay while the next answer is on its way (one render when it lands, no empty flash).
  const query = useInfiniteQuery({ ...boardListQuery(params), placeholderData: (prev) => prev });
  // One array per answer, not per render: the keyboard handler and the table's selection state key on it.
  const pages = query.data?.pages;
  const rows = useMemo(() => pages?.flatMap((p) => p.items) ?? [], [pages]);
  return { query, rows };
}
