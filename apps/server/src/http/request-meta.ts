import type { FastifyRequest } from 'fastify';
import type { Actor } from '@gongdan/domain/access/roles';
import type { RequestMeta } from '../app-context.ts';
import { HttpProblem } from './problem.ts';

interface ClientBody {
  client?: { deviceId?: string | undefined; clientAt?: string | undefined; gps?: { lat: number; lng: number; accuracy?: number | undefined } | undefined } | undefined;
}

/** Audit context of a request: IP (X-Forwarded-For only with GONGDAN_TRUST_PROXY), device, GPS. */
export function metaOf(req: FastifyRequest): RequestMeta {
  const body = (req.body ?? {}) as ClientBody;
  const header = req.headers['x-device-id'];
  // The field app sends the device clock of a replayed offline change as X-Device-Time.
  const deviceTime = req.headers['x-device-time'];
  const headerAt = typeof deviceTime === 'string' && Number.isFinite(Date.parse(deviceTime)) ? new Date(deviceTime).toISOString() : null;
  return {
    ip: req.ip ?? null,
    userAgent: req.headers['user-agent']?.slice(0, 500) ?? null,
    deviceId: body.client?.deviceId ?? (typeof header === 'string' ? header.slice(0, 100) : (req.cookies?.['gd_device_id']?.slice(0, 100) ?? null)),
    clientAt: body.client?.clientAt ? new Date(body.client.clientAt).toISOString() : headerAt,
    gps: body.client?.gps ?? null,
  };
}

/** The authenticated actor; routes only run after the access hook, so absence is a bug. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.principal) throw new HttpProblem(401, 'unauthenticated', { zh: '请先登录', en: 'Sign in first' });
  return req.principal.actor;
}

/** Who made an admin change and from where, for the admin change log (ADR 026). */
export function originOf(req: FastifyRequest): { actor: Actor; meta: RequestMeta } {
  return { actor: actorOf(req), meta: metaOf(req) };
}
