import { z } from 'zod';
import { TicketListQuery } from './tickets.ts';

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;

/** The board's filters and sort (no paging: the export holds every matching ticket), plus the file format. */
export const TicketExportQuery = TicketListQuery.omit({ cursor: true, limit: true }).extend({
  format: z.enum(EXPORT_FORMATS).default('xlsx').describe('xlsx (Excel) or csv (UTF-8 with BOM, so Excel reads Chinese)'),
});
export type TicketExportQueryT = z.infer<typeof TicketExportQuery>;
