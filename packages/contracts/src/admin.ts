import { z } from 'zod';
import { USER_ROLES } from '@gongdan/domain/access/roles';

/** Admin edits of a person's account; only the fields sent change. Deactivating ends their sessions. */
export const UpdateUserBody = z.object({
  name: z.string().trim().min(1, 'required').max(100).optional(),
  role: z.enum(USER_ROLES).optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  active: z.boolean().optional(),
  teamIds: z.array(z.string().min(1).max(64)).max(50).optional().describe('Replaces the person’s team memberships'),
}).meta({ id: 'UpdateUser' });

/** Edits of a team; `memberIds` replaces the membership. */
export const UpdateTeamBody = z.object({
  name: z.string().trim().min(1, 'required').max(100).optional(),
  supervisorId: z.string().min(1).max(64).nullable().optional(),
  memberIds: z.array(z.string().min(1).max(64)).max(500).optional(),
}).meta({ id: 'UpdateTeam' });
