import type { SopDocumentDtoT } from '@gongdan/contracts/field';
import type { Kysely } from 'kysely';
import { parseJson } from '../shared/json.ts';
import type { DB } from '../storage/tables.ts';
import type { SopDocumentsTable, SopImagesTable } from '../storage/tables-field.ts';

export const sopImageUrl = (id: string) => `/api/v1/sop-images/${id}/content`;

export function presentSop(s: SopDocumentsTable, images: Map<string, SopImagesTable>): SopDocumentDtoT {
  const imageIds = parseJson<string[]>(s.image_ids, []);
  return {
    id: s.id, status: s.status === 'draft' ? 'draft' : 'published', publishedAt: s.published_at, models: parseJson<string[]>(s.models, []), title: s.title, body: s.body, imageIds,
    images: imageIds.flatMap((id) => {
      const i = images.get(id);
      return i ? [{ id: i.id, filename: i.filename, contentType: i.content_type, size: i.size, sha256: i.sha256, url: sopImageUrl(i.id) }] : [];
    }),
    videoLinks: parseJson<string[]>(s.video_links, []), createdAt: s.created_at, updatedAt: s.updated_at,
  };
}

/** SOP documents with their image records, presented. */
export async function presentSops(db: Kysely<DB>, docs: SopDocumentsTable[]): Promise<SopDocumentDtoT[]> {
  const ids = [...new Set(docs.flatMap((d) => parseJson<string[]>(d.image_ids, [])))];
  const images = ids.length > 0 ? await db.selectFrom('sop_images').selectAll().where('id', 'in', ids).execute() : [];
  const byId = new Map(images.map((i) => [i.id, i]));
  return docs.map((d) => presentSop(d, byId));
}

/** Published SOP documents for any of these device models (drafts never reach engineers). */
export async function findSopsForModels(db: Kysely<DB>, models: string[]): Promise<SopDocumentsTable[]> {
  if (models.length === 0) return [];
  const ids = await db.selectFrom('sop_document_models').select('sop_id').distinct().where('model', 'in', [...new Set(models)]).execute();
  if (ids.length === 0) return [];
  return db.selectFrom('sop_documents').selectAll().where('id', 'in', ids.map((r) => r.sop_id)).where('status', '=', 'published').orderBy('title').execute();
}
