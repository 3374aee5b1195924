import { z } from 'zod';

export const SavedViewDto = z.object({
  id: z.string().describe('Built-in views have ids starting with "builtin:"'),
  name: z.string(),
  query: z.string().describe('The board query string, e.g. assigneeId=me&status=new,assigned&sort=-priority'),
  builtIn: z.boolean(),
  createdAt: z.string().nullable(),
}).meta({ id: 'SavedView' });

export const CreateSavedViewBody = z.object({
  name: z.string().trim().min(1, 'required').max(50),
  query: z.string().trim().max(2000).describe('The board query string (no cursor); a leading "?" is ignored'),
}).meta({ id: 'CreateSavedView' });
