import { z } from 'zod';
import { PERMISSIONS, USER_ROLES } from '@gongdan/domain/access/roles';

export const SignInBody = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email({ message: 'must be an email address' })).describe('Login email'),
    password: z.string().min(1, 'required').max(200),
  })
  .meta({ id: 'SignIn' });

export const SessionDto = z
  .object({
    user: z.object({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      role: z.enum(USER_ROLES),
      teamIds: z.array(z.string()),
      customerId: z.string().nullable(),
    }),
    permissions: z.array(z.enum(PERMISSIONS)),
    csrfToken: z.string().describe('Send as X-CSRF-Token on every non-GET request made with the session cookie'),
    expiresAt: z.string(),
  })
  .meta({ id: 'Session' });

export const CreateApiTokenBody = z.object({
  name: z.string().trim().min(1, 'required').max(100),
  scopes: z.array(z.enum(PERMISSIONS)).min(1, 'at least one scope'),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export const ApiTokenDto = z
  .object({
    id: z.string(),
    name: z.string(),
    scopes: z.array(z.string()),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    token: z.string().optional().describe('Shown once, at creation'),
  })
  .meta({ id: 'ApiToken' });
