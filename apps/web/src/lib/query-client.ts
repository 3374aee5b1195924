import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './problem.ts';

/**
 * The desk's one query cache. A module of its own so the router can start the first page's
 * requests before React has rendered anything (board-prefetch.ts), into the same cache.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      // 4xx answers are final; retry only what may pass a moment later.
      retry: (count, error) => count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
    },
  },
});
