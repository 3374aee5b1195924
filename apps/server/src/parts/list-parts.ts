import type { PartDtoT } from '@gongdan/contracts/field';
import type { AppContext } from '../app-context.ts';
import { presentPart } from '../field/field.presenter.ts';
import { listPartRows, type PartFilter } from './part.repository.ts';

/** A page of the catalogue by part number. */
export async function listParts(ctx: AppContext, q: PartFilter & { limit: number }): Promise<{ items: PartDtoT[]; nextCursor: string | null }> {
  // One row more than asked tells whether there is a next page.
  const rows = await listPartRows(ctx.database.db, q, q.limit + 1);
  const items = rows.slice(0, q.limit);
  return { items: items.map(presentPart), nextCursor: rows.length > q.limit ? (items[items.length - 1]?.part_no ?? null) : null };
}
