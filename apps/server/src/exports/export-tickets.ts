import type { Readable } from 'node:stream';
import { can, ticketScope } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { TicketExportQueryT } from '@gongdan/contracts/ticket-export';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { getWorkflow } from '../definitions/definitions.ts';
import { countTicketRows } from '../tickets/ticket.repository.ts';
import { parseSort, ticketFilterOf } from '../tickets/ticket-query.ts';
import { EXPORT_COLUMNS, timeFormatter, type ExportColumn } from './export-columns.ts';
import { ticketBatches } from './ticket-batches.ts';
import { csvStream, xlsxStream } from './ticket-file-writers.ts';

/** Limits of one export. Tests lower maxRows to exercise the refusal without 100,000 tickets. */
export const EXPORT_LIMITS = { maxRows: 100_000, batchSize: 1_000 };

export interface TicketExportFile {
  filename: string;
  contentType: string;
  rows: number;
  body: Readable;
}

/**
 * Exports the board as filtered (same filters, same sort, same visibility as the list) to .xlsx
 * or CSV with Chinese headers. It counts first, so a too-large export is refused with a problem
 * before any byte is sent, then streams the rows batch by batch.
 */
export async function exportTickets(ctx: AppContext, actor: Actor, query: TicketExportQueryT): Promise<Result<TicketExportFile, AppError>> {
  if (!can(actor, 'ticket.export')) return err({ kind: 'forbidden' });
  const db = ctx.database.db;
  const filter = ticketFilterOf(query, actor, ctx.clock.now());
  const scope = ticketScope(actor);
  const { maxRows, batchSize } = EXPORT_LIMITS;
  const total = await countTicketRows(db, filter, scope);
  if (total > maxRows) {
    return err({ kind: 'validation', errors: [{
      field: 'query', code: 'too_many_rows',
      message: { zh: `一次最多导出 ${maxRows} 条工单，当前筛选结果为 ${total} 条`, en: `An export holds at most ${maxRows} tickets; these filters match ${total}` },
      hint: { zh: '请缩小筛选范围，例如按创建时间分段导出', en: 'Narrow the filters, e.g. export one created-date range at a time' },
      example: 'createdFrom=2026-01-01T00:00:00+08:00&createdTo=2026-02-01T00:00:00+08:00',
    }] });
  }
  const workflow = await getWorkflow(db);
  const formatTime = timeFormatter(ctx.config.timeZone);
  const batches = ticketBatches(db, { filter, scope, sort: parseSort(query.sort), batchSize, maxRows });
  const cell = (c: ExportColumn, row: Parameters<ExportColumn['value']>[0], refs: Parameters<ExportColumn['value']>[1]) => c.value(row, refs, { workflow, formatTime });
  const stamp = formatTime(ctx.clock.now().toISOString()).replace(/[-:]/g, '').replace(' ', '-').slice(0, 13);
  const csv = query.format === 'csv';
  return ok({
    filename: `工单导出-${stamp}.${query.format}`,
    contentType: csv ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    rows: total,
    body: csv ? csvStream(EXPORT_COLUMNS, batches, cell) : xlsxStream(EXPORT_COLUMNS, batches, cell, '工单'),
  });
}
