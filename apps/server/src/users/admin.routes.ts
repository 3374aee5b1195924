import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '@gongdan/contracts/common';
import { ProblemSchema } from '@gongdan/contracts/problem';
import { UpdateTeamBody, UpdateUserBody } from '@gongdan/contracts/admin';
import { TeamDto, UserDto } from '@gongdan/contracts/users';
import type { AppContext } from '../app-context.ts';
import { sendResult } from '../http/reply.ts';
import { originOf } from '../http/request-meta.ts';
import { presentUser } from './manage-users.ts';
import { updateTeam } from './update-team.ts';
import { updateUser } from './update-user.ts';

const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 422: ProblemSchema };

/** The desk's minimal admin: edit people (admins) and teams (supervisors and admins). */
export function registerAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.patch('/api/v1/users/:id', {
    config: { access: 'user.manage' },
    schema: { tags: ['users'], summary: 'Edit a person (name, role, phone, active, teams); deactivating ends their sessions', params: IdParams, body: UpdateUserBody, response: { 200: UserDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await updateUser(ctx, originOf(req), req.params.id, req.body), 200, (u) => presentUser(u, u.teamIds)));

  r.patch('/api/v1/teams/:id', {
    config: { access: 'team.manage' },
    schema: { tags: ['users'], summary: 'Rename a team, set its supervisor, replace its members', params: IdParams, body: UpdateTeamBody, response: { 200: TeamDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await updateTeam(ctx, originOf(req), req.params.id, req.body), 200, (t) => ({
    id: t.id, name: t.name, supervisorId: t.supervisor_id, region: t.region, memberIds: t.memberIds,
  })));
}
