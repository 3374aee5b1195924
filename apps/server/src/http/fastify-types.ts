import type { Permission } from '@gongdan/domain/access/roles';
import type { Locale } from '@gongdan/domain/shared/localized';
import type { Principal } from '../auth/resolve-actor.ts';

/** What a route needs: a permission, any signed-in caller, or nobody (public). */
export type RouteAccess = Permission | 'authenticated' | 'public';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    locale: Locale;
    idempotency?: { principal: string; key: string } | undefined;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** POSTs honour Idempotency-Key unless a route opts out (sign-in is never replayed). */
    idempotent?: boolean;
  }
}
