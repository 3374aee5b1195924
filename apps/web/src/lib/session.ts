import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Permission } from '@gongdan/domain/access/roles';
import { api, apiSession } from './api.ts';
import type { Session } from './api-types.ts';
import { isApiError } from './problem.ts';
import { keys } from './query-keys.ts';

/** The signed-in session, or null when nobody is signed in. Keeps the CSRF token current. */
export const sessionQuery = queryOptions({
  queryKey: keys.session,
  queryFn: async (): Promise<Session | null> => {
    try {
      const s = await api.auth.session();
      apiSession.setCsrf(s.csrfToken);
      return s;
    } catch (e) {
      if (isApiError(e) && e.status === 401) {
        apiSession.setCsrf(null);
        return null;
      }
      throw e;
    }
  },
  staleTime: 5 * 60_000,
  retry: false,
});

export function useSession() {
  return useQuery(sessionQuery);
}

/** Stores a fresh session (after sign-in) without another round trip. */
export function useSetSession() {
  const qc = useQueryClient();
  return (s: Session | null) => {
    apiSession.setCsrf(s?.csrfToken ?? null);
    qc.setQueryData(keys.session, s);
  };
}

/** Whether the session's role carries a permission; used to hide navigation, never to authorise. */
export function hasPermission(s: Session | null | undefined, p: Permission): boolean {
  return !!s && s.permissions.includes(p);
}
