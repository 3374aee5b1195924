import { z } from 'zod';

/** Similar cases and knowledge cards (issue 6; ADR 013). */

export const SIMILAR_SCOPES = ['all', 'model', 'line'] as const;

export const SimilarTicketQuery = z.object({
  scope: z.enum(SIMILAR_SCOPES).default('all').describe('all: any device (same model ranks higher); model: same model only; line: same product line only'),
  limit: z.coerce.number().int().min(1).max(10).default(3),
});

export const SimilarBody = z.object({
  text: z.string().trim().min(1, 'required').max(5000).describe('Fault description (as typed or dictated)'),
  model: z.string().trim().max(100).optional().describe('Device model; with scope model, only cases of this model'),
  productLine: z.string().trim().max(100).optional(),
  faultType: z.string().trim().max(64).optional().describe('Taxonomy code; otherwise taken from the text'),
  scope: z.enum(SIMILAR_SCOPES).default('all'),
  kinds: z.array(z.enum(['ticket', 'card'])).min(1).max(2).optional().describe('Restrict to resolved tickets or published cards'),
  limit: z.coerce.number().int().min(1).max(20).default(3),
}).meta({ id: 'SimilarQuery' });

const Coded = z.object({ code: z.string(), label: z.string() });

export const SimilarCaseDto = z.object({
  kind: z.enum(['ticket', 'card']),
  id: z.string(),
  number: z.string().nullable().describe('Ticket number (tickets only)'),
  title: z.string(),
  symptom: z.string(),
  cause: z.string().nullable(),
  resolution: z.string().describe('What fixed it: the ticket’s resolution or the card’s steps'),
  steps: z.array(z.string()),
  model: z.string().nullable(),
  faultType: Coded.nullable(),
  resolvedAt: z.string().nullable(),
  helpedCount: z.number().int().nullable().describe('Cards: how often "this helped" was pressed'),
  score: z.number(),
  why: z.object({
    sharedTerms: z.array(z.string()),
    sameModel: z.boolean(),
    sameFaultType: z.boolean(),
    sameCause: z.boolean(),
    summary: z.string(),
  }),
}).meta({ id: 'SimilarCase' });

export const SimilarResultDto = z.object({
  items: z.array(SimilarCaseDto),
  query: z.object({ terms: z.array(z.string()), faultType: Coded.nullable(), model: z.string().nullable(), scope: z.enum(SIMILAR_SCOPES) }),
  indexedCount: z.number().int(),
}).meta({ id: 'SimilarResult' });

export const CARD_STATUS_VALUES = ['draft', 'in_review', 'changes_requested', 'published', 'rejected'] as const;
export const CARD_ACTION_VALUES = ['edit', 'submit', 'approve', 'request_changes', 'reject'] as const;

const text = (max: number) => z.string().trim().max(max);

export const CardFields = z.object({
  title: text(120).min(1, 'required'),
  symptom: text(2000).min(1, 'required'),
  cause: text(2000),
  steps: z.array(text(500).min(1, 'required')).min(1, 'required').max(30),
  parts: z.array(text(80).min(1)).max(30),
  model: text(100).nullable(),
  productLine: text(100).nullable(),
  faultType: text(64).nullable(),
  causeCode: text(64).nullable(),
  photos: z.array(z.string().min(1).max(64)).max(20),
});

export const UpdateCardBody = CardFields.extend({
  version: z.number().int().min(1).describe('The version you edited; a stale one answers 409'),
}).meta({ id: 'UpdateKnowledgeCard' });

export const CardActionBody = z.object({
  action: z.enum(['submit', 'approve', 'request_changes', 'reject']),
  reason: z.string().trim().max(2000).optional(),
  version: z.number().int().min(1),
}).meta({ id: 'KnowledgeCardAction' });

export const CardListQuery = z.object({
  status: z.enum(CARD_STATUS_VALUES).optional(),
  q: z.string().trim().max(200).optional().describe('Search words (published cards, ranked like similar cases)'),
  model: z.string().trim().max(100).optional(),
  mine: z.enum(['1', '0']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const CardUseBody = z.object({
  kind: z.enum(['view', 'helped']),
  ticketId: z.string().min(1).max(64),
}).meta({ id: 'KnowledgeCardUse' });

export const KnowledgeCardDto = z.object({
  id: z.string(),
  ticketId: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  status: z.enum(CARD_STATUS_VALUES),
  statusLabel: z.string(),
  title: z.string(),
  symptom: z.string(),
  cause: z.string(),
  steps: z.array(z.string()),
  parts: z.array(z.string()),
  model: z.string().nullable(),
  productLine: z.string().nullable(),
  faultType: Coded.nullable(),
  causeCode: Coded.nullable(),
  photos: z.array(z.object({ id: z.string(), filename: z.string(), url: z.string() })),
  author: z.object({ id: z.string(), name: z.string() }),
  reviewer: z.object({ id: z.string(), name: z.string() }).nullable(),
  reviewNote: z.string().nullable(),
  version: z.number().int(),
  viewCount: z.number().int(),
  helpedCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  allowedActions: z.array(z.enum(CARD_ACTION_VALUES)),
}).meta({ id: 'KnowledgeCard' });

export const KnowledgeCardList = z.object({ items: z.array(KnowledgeCardDto) }).meta({ id: 'KnowledgeCardList' });

export const CardEventDto = z.object({
  id: z.string(), action: z.string(), actorName: z.string(), at: z.string(),
  before: z.unknown().nullable(), after: z.unknown().nullable(), reason: z.string().nullable(),
}).meta({ id: 'KnowledgeCardEvent' });

export type SimilarCaseDtoT = z.infer<typeof SimilarCaseDto>;
export type SimilarResultDtoT = z.infer<typeof SimilarResultDto>;
export type KnowledgeCardDtoT = z.infer<typeof KnowledgeCardDto>;
export type UpdateCardBodyT = z.infer<typeof UpdateCardBody>;
export type CardEventDtoT = z.infer<typeof CardEventDto>;
