import type { ExportCell, ExportTable } from './export-table.js';

export type ExportFormat = 'xlsx' | 'csv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['xlsx', 'csv'];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

const DATE_FORMAT = 'dd/mm/yyyy';
const DATETIME_FORMAT = 'dd/mm/yyyy hh:mm';

/** The .xlsx a ward officer hands upward: bold frozen header, widths, autofilter, real date cells. */
export async function writeXlsx(tables: ExportTable[]): Promise<Buffer> {
  // Loaded on the first export only: ≈ 28 MiB of memory that a process which never
  // exports (every webhooks process, most workers most of the day) does not carry.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Dân vận khéo';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((c) => ({
      key: c.key,
      header: c.header,
      width: c.width,
      style: c.type === 'date' ? { numFmt: DATE_FORMAT } : c.type === 'datetime' ? { numFmt: DATETIME_FORMAT } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    if (table.columns.length > 0) {
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + table.rows.length, column: table.columns.length } };
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * UTF-8 with a byte-order mark (Excel otherwise reads Vietnamese as mojibake), comma
 * separated, CRLF, RFC 4180 quoting. Dates as dd/mm/yyyy (Vietnam time). Several
 * tables (statistics) are separated by an empty line.
 */
export function writeCsv(tables: ExportTable[]): Buffer {
  const blocks = tables.map((table) => {
    const lines = [table.columns.map((c) => quote(c.header)).join(',')];
    for (const row of table.rows) lines.push(table.columns.map((c) => quote(csvText(row[c.key] ?? null, c.type))).join(','));
    return lines.join('\r\n');
  });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${blocks.join('\r\n\r\n')}\r\n`, 'utf8')]);
}

export async function writeExport(format: ExportFormat, tables: ExportTable[]): Promise<Buffer> {
  return format === 'xlsx' ? writeXlsx(tables) : writeCsv(tables);
}

function csvText(value: ExportCell, type: ExportTable['columns'][number]['type']): string {
  if (value === null) return '';
  if (value instanceof Date) {
    const [date, time] = value.toISOString().split('T') as [string, string];
    const [y, m, d] = date.split('-');
    return type === 'datetime' ? `${d}/${m}/${y} ${time.slice(0, 5)}` : `${d}/${m}/${y}`;
  }
  return String(value);
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
