import type { Translator } from '../../bot/i18n/translator.js';
import type { Db } from '../../runtime/database.js';
import { loadExportContext, type ExportContext, type ExportRequest } from './export-context.js';
import type { ExportTable } from './export-table.js';
import { registrationsTable } from './registrations.table.js';
import { recognitionsTable } from './recognitions.table.js';
import { reportsTable } from './reports.table.js';
import { statisticsTable } from './statistics.table.js';
import { CONTENT_TYPES, writeExport, type ExportFormat } from './write-export.js';

export const EXPORT_KINDS = ['registrations', 'recognitions', 'reports', 'statistics'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

const TABLES: Record<ExportKind, (ctx: ExportContext) => Promise<ExportTable>> = {
  registrations: registrationsTable,
  recognitions: recognitionsTable,
  reports: reportsTable,
  statistics: (ctx) => statisticsTable(ctx),
};

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Buffer;
  rows: number;
}

/**
 * One export file: a kind (registrations, recognitions, reports, statistics) for a
 * unit's subtree and year, as .xlsx or .csv. Used by the admin HTTP routes and by
 * the staff chat feature (through its service), so both hand out the same file.
 */
export async function buildExport(db: Db, translator: Translator, kind: ExportKind, format: ExportFormat, request: ExportRequest): Promise<ExportFile> {
  const ctx = await loadExportContext(db, translator, request);
  const table = await TABLES[kind](ctx);
  return { filename: `${table.fileStem}.${format}`, contentType: CONTENT_TYPES[format], body: await writeExport(format, [table]), rows: table.rows.length };
}

export function isExportKind(value: string): value is ExportKind {
  return (EXPORT_KINDS as readonly string[]).includes(value);
}
