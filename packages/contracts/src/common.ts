import { z } from 'zod';

export const IdParams = z.object({ id: z.string().min(1).max(64) });

export const LimitQuery = z.coerce.number().int().min(1).max(200).default(50);

/** Cursor-paginated list envelope. */
export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** ISO-8601 instant with offset, normalised to UTC by the server. */
export const Instant = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time with offset, e.g. 2026-11-25T09:30:00+08:00' });

/** Chinese mobile or landline with area code; the server's form validator gives the hint. */
export const PHONE_HINT = { zh: '客户电话需含区号，示例：0755-88889999', en: 'Include the area code, e.g. 0755-88889999' };
