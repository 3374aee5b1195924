import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { keys } from '../../lib/query-keys.ts';

/** Users and teams change rarely; one cached copy serves every select on the desk. */
export function useUsers() {
  return useQuery({ queryKey: keys.users, queryFn: () => api.users.list(), staleTime: 5 * 60_000, select: (d) => d.items });
}

export function useTeams() {
  return useQuery({ queryKey: keys.teams, queryFn: () => api.teams.list(), staleTime: 5 * 60_000, select: (d) => d.items });
}
