import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ListedTicketRow as TicketRow } from '../tickets/ticket.repository.ts';
import type { TicketRefs } from '../tickets/ticket.repository.ts';
import type { ExportColumn } from './export-columns.ts';

type Batches = AsyncIterable<{ rows: TicketRow[]; refs: TicketRefs }>;
type Cell = (col: ExportColumn, row: TicketRow, refs: TicketRefs) => string;

/** Excel opens a UTF-8 CSV as UTF-8 (and shows Chinese) only when it starts with a byte order mark. */
const BOM = '\uFEFF';

/**
 * Spreadsheet formula injection: a cell starting with = + - @ (or a tab/CR) would run as a
 * formula when the CSV is opened; a leading apostrophe makes Excel show it as text.
 */
function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvField(value: string): string {
  const v = neutralise(value);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** CSV (RFC 4180, CRLF line ends, UTF-8 with BOM), produced batch by batch. */
export function csvStream(columns: readonly ExportColumn[], batches: Batches, cell: Cell): Readable {
  return Readable.from((async function* () {
    yield BOM + columns.map((c) => csvField(c.header)).join(',') + '\r\n';
    for await (const { rows, refs } of batches) {
      yield rows.map((r) => columns.map((c) => csvField(cell(c, r, refs))).join(',') + '\r\n').join('');
    }
  })());
}

/**
 * An .xlsx workbook written by exceljs' streaming writer: each row is committed (and leaves
 * memory) as soon as it is added. Values are written as text, so nothing in a ticket can become a formula.
 */
export function xlsxStream(columns: readonly ExportColumn[], batches: Batches, cell: Cell, sheetName: string): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    sheet.getRow(1).commit();
    for await (const { rows, refs } of batches) {
      for (const r of rows) sheet.addRow(columns.map((c) => cell(c, r, refs))).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}
