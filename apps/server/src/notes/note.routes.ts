import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parseNote } from '@gongdan/text/note-parser';
import type { AppContext } from '../app-context.ts';

export function registerNoteRoutes(app: FastifyInstance, _ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().post('/api/v1/notes/parse', {
    config: { access: 'ticket.update', idempotent: false },
    schema: {
      tags: ['smart-entry'], summary: 'Parse an engineer’s spoken/typed field note into taxonomy codes (fault type, cause, actions, result)',
      body: z.object({ text: z.string().max(5000) }),
    },
  }, async (req) => parseNote(req.body.text));
}
