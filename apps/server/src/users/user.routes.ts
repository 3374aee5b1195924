import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { USER_ROLES } from '@gongdan/domain/access/roles';
import { ProblemSchema } from '@gongdan/contracts/problem';
import { CreateTeamBody, CreateUserBody, TeamDto, UserDto } from '@gongdan/contracts/users';
import type { AppContext } from '../app-context.ts';
import { originOf } from '../http/request-meta.ts';
import { sendResult } from '../http/reply.ts';
import { createTeam, createUser, listTeams, listUsers, presentUser } from './manage-users.ts';

const problems = { 401: ProblemSchema, 403: ProblemSchema, 422: ProblemSchema };

export function registerUserRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/users', {
    config: { access: 'user.read' },
    schema: { tags: ['users'], summary: 'List users', querystring: z.object({ role: z.enum(USER_ROLES).optional() }), response: { 200: z.object({ items: z.array(UserDto) }), ...problems } },
  }, async (req) => ({ items: await listUsers(ctx, req.query.role) }));
  r.post('/api/v1/users', {
    config: { access: 'user.manage' },
    schema: { tags: ['users'], summary: 'Create a user account', body: CreateUserBody, response: { 201: UserDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await createUser(ctx, originOf(req), req.body), 201, (u) => presentUser(u, u.teamIds)));
  r.get('/api/v1/teams', {
    config: { access: 'user.read' },
    schema: { tags: ['users'], summary: 'List teams with their supervisor and members', response: { 200: z.object({ items: z.array(TeamDto) }), ...problems } },
  }, async () => ({ items: await listTeams(ctx) }));
  r.post('/api/v1/teams', {
    config: { access: 'team.manage' },
    schema: { tags: ['users'], summary: 'Create a team', body: CreateTeamBody, response: { 201: TeamDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await createTeam(ctx, originOf(req), req.body), 201, (t) => ({ id: t.id, name: t.name, supervisorId: t.supervisor_id, region: t.region, memberIds: [] })));
}
