/**
 * Client of the similar-case and knowledge-card API (ADR 013). Types come from the zod contracts;
 * only types are imported, so zod never reaches the browser bundle.
 */
import type { z } from 'zod';
import type { CardEventDto, KnowledgeCardDto, SimilarResultDto, UpdateCardBody } from '@gongdan/contracts/knowledge';
import { request } from './api.ts';

export type SimilarResult = z.infer<typeof SimilarResultDto>;
export type SimilarCase = SimilarResult['items'][number];
export type KnowledgeCard = z.infer<typeof KnowledgeCardDto>;
export type CardEvent = z.infer<typeof CardEventDto>;
export type UpdateCardInput = z.input<typeof UpdateCardBody>;
export type SimilarScope = 'all' | 'model' | 'line';
export type CardReviewAction = 'submit' | 'approve' | 'request_changes' | 'reject';

const enc = encodeURIComponent;

export const knowledgeApi = {
  similarForTicket: (ticketId: string, scope: SimilarScope) =>
    request<SimilarResult>('GET', `/api/v1/tickets/${enc(ticketId)}/similar`, { query: { scope } }),
  cardFromTicket: (ticketId: string) => request<KnowledgeCard>('POST', `/api/v1/tickets/${enc(ticketId)}/knowledge-cards`, { body: {} }),
  cards: (query: { status?: string; q?: string; mine?: '1' }) => request<{ items: KnowledgeCard[] }>('GET', '/api/v1/knowledge-cards', { query }),
  card: (id: string) => request<KnowledgeCard>('GET', `/api/v1/knowledge-cards/${enc(id)}`),
  events: (id: string) => request<{ items: CardEvent[] }>('GET', `/api/v1/knowledge-cards/${enc(id)}/events`),
  update: (id: string, body: UpdateCardInput) => request<KnowledgeCard>('PUT', `/api/v1/knowledge-cards/${enc(id)}`, { body }),
  act: (id: string, body: { action: CardReviewAction; reason?: string; version: number }) =>
    request<KnowledgeCard>('POST', `/api/v1/knowledge-cards/${enc(id)}/actions`, { body }),
  use: (id: string, body: { kind: 'view' | 'helped'; ticketId: string }) =>
    request<{ counted: boolean; viewCount: number; helpedCount: number }>('POST', `/api/v1/knowledge-cards/${enc(id)}/uses`, { body }),
};

export const knowledgeKeys = {
  similar: (ticketId: string, scope: SimilarScope) => ['tickets', 'one', ticketId, 'similar', scope] as const,
  cards: (query: Record<string, string | undefined>) => ['knowledge', 'list', query] as const,
  card: (id: string) => ['knowledge', 'one', id] as const,
  events: (id: string) => ['knowledge', 'one', id, 'events'] as const,
};
