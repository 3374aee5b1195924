import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Result } from '@gongdan/domain/shared/result';
import type { AppError } from '../shared/app-error.ts';
import { problemFromAppError } from './problem.ts';

/** Sends a use case's result: the presented value on success, problem+json on failure. */
export async function sendResult<T, O>(
  req: FastifyRequest, reply: FastifyReply, result: Result<T, AppError>, status: number, present: (value: T) => O | Promise<O>,
): Promise<O> {
  if (!result.ok) throw problemFromAppError(result.error, req.locale);
  reply.code(status);
  return present(result.value);
}
