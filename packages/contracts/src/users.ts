import { z } from 'zod';
import { USER_ROLES } from '@gongdan/domain/access/roles';
import { page } from './common.ts';

export const UserDto = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(USER_ROLES),
    phone: z.string().nullable(),
    teamIds: z.array(z.string()),
    customerId: z.string().nullable(),
    skills: z.array(z.string()),
    region: z.string().nullable(),
    active: z.boolean(),
  })
  .meta({ id: 'User' });

export const CreateUserBody = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ message: 'must be an email address' })),
  name: z.string().trim().min(1, 'required').max(100),
  role: z.enum(USER_ROLES),
  password: z.string().min(10, 'at least 10 characters').max(200),
  phone: z.string().trim().max(40).nullable().optional(),
  teamIds: z.array(z.string()).default([]),
  customerId: z.string().nullable().optional(),
  skills: z.array(z.string().max(50)).max(50).default([]),
  region: z.string().max(100).nullable().optional(),
});

export const TeamDto = z
  .object({ id: z.string(), name: z.string(), supervisorId: z.string().nullable(), region: z.string().nullable(), memberIds: z.array(z.string()) })
  .meta({ id: 'Team' });
export const CreateTeamBody = z.object({
  name: z.string().trim().min(1, 'required').max(100),
  supervisorId: z.string().nullable().optional(),
  region: z.string().max(100).nullable().optional(),
});

export const UserPage = page(UserDto);
