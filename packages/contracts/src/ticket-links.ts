import { z } from 'zod';
import { TicketDto } from './tickets.ts';

/** Read as "this ticket <kind> the other": A duplicate_of B, A caused_by B; related goes both ways. */
export const LINK_KINDS = ['related', 'duplicate_of', 'caused_by'] as const;
/** How a link reads from either end: the other end of duplicate_of sees has_duplicate, of caused_by sees causes. */
export const LINK_VIEWS = ['related', 'duplicate_of', 'caused_by', 'has_duplicate', 'causes'] as const;

export const CreateLinkBody = z.object({
  otherTicketId: z.string().min(1, 'required').max(64),
  kind: z.enum(LINK_KINDS),
}).meta({ id: 'CreateTicketLink' });

export const LinkParams = z.object({ id: z.string().min(1).max(64), linkId: z.string().min(1).max(64) });

export const TicketLinkDto = z.object({
  id: z.string(),
  kind: z.enum(LINK_VIEWS).describe('As seen from the ticket in the path'),
  label: z.string(),
  direction: z.enum(['outgoing', 'incoming']),
  ticket: z.object({ id: z.string(), number: z.string(), title: z.string(), status: z.string(), statusLabel: z.string() }),
  mergedAt: z.string().nullable().describe('Set when the link records a merge (such links cannot be removed)'),
  createdAt: z.string(),
}).meta({ id: 'TicketLink' });

export const MergeBody = z.object({
  intoTicketId: z.string().min(1, 'required').max(64).describe('The original ticket that receives comments and attachments'),
  reason: z.string().trim().min(1, 'required').max(2000),
}).meta({ id: 'MergeTicket' });

export const MergeResultDto = z.object({
  duplicate: TicketDto,
  original: TicketDto,
  moved: z.object({ comments: z.number().int(), attachments: z.number().int() }),
}).meta({ id: 'MergeResult' });
