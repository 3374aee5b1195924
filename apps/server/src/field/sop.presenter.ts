import type { SopDocumentDtoT } from '@gongdan/contracts/field';
import type { Kysely } from 'kysely';
import { parseJson } from '../shared/json.ts';
import type { DB } from '../storage/tables.ts';
import type { SopDocumentsTable, SopImagesTable } from '../storage/tables-field.ts';
import { findSopImages } from './sop.repository.ts';

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
  const images = await findSopImages(db, docs.flatMap((d) => parseJson<string[]>(d.image_ids, [])));
  const byId = new Map(images.map((i) => [i.id, i]));
  return docs.map((d) => presentSop(d, byId));
}

export async function presentOneSop(db: Kysely<DB>, doc: SopDocumentsTable): Promise<SopDocumentDtoT> {
  return (await presentSops(db, [doc]))[0] as SopDocumentDtoT;
}
