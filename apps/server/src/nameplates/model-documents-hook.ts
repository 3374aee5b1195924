/**
 * INTEGRATION HOOK — model documents for a recognised nameplate.
 *
 * The SOP library (`sop_documents`) is built on another branch. Once it is merged, replace the
 * body of `findModelDocuments` with a query for the model's published SOPs and repair videos
 * (match on the model code, case- and separator-insensitive). Until then it answers with no
 * documents, and the recognition response carries `documents: []`.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../storage/tables.ts';

export interface ModelDocumentRef {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  readonly url: string;
}

export async function findModelDocuments(_db: Kysely<DB>, _modelCode: string): Promise<ModelDocumentRef[]> {
  return [];
}
