/**
 * Model documents for a recognised nameplate: the SOP library's documents for that model
 * (`sop_document_models`), each as an SOP link, plus every repair video they reference.
 *
 * The model code is matched case- and separator-insensitively ("KFR-35GW" = "kfr 35gw" =
 * "KFR35GW"): the library's model list is small, so it is read once and compared in code, which
 * behaves the same on SQLite and Postgres. Read-only.
 */
import type { Kysely } from 'kysely';
import { findPublishedSopsForModels, listSopModels } from '../field/sop.repository.ts';
import { parseJson } from '../shared/json.ts';
import type { DB } from '../storage/tables.ts';

export interface ModelDocumentRef {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  readonly url: string;
}

/** Upper case, letters and digits only (every separator and space dropped). */
export function modelKey(code: string): string {
  return code.normalize('NFKC').toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');
}

export async function findModelDocuments(db: Kysely<DB>, modelCode: string): Promise<ModelDocumentRef[]> {
  const key = modelKey(modelCode);
  if (key === '') return [];
  const matching = (await listSopModels(db)).filter((m) => modelKey(m) === key);
  const docs = await findPublishedSopsForModels(db, matching);
  return docs.flatMap((d): ModelDocumentRef[] => [
    { id: d.id, title: d.title, kind: 'sop', url: `/api/v1/sops/${encodeURIComponent(d.id)}` },
    ...parseJson<string[]>(d.video_links, []).map((link, i) => ({ id: `${d.id}:video:${i + 1}`, title: d.title, kind: 'video', url: link })),
  ]);
}
