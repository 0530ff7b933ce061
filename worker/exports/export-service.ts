import type { Translator } from '../../bot/i18n/translator.js';
import type { Db } from '../../runtime/database.js';
import { loadExportContext, type ExportContext, type ExportRequest } from './export-context.js';
import type { ExportTable } from './export-table.js';
import { registrationsTable } from './registrations.table.js';
import { recognitionsTable } from './recognitions.table.js';
import { reportsTable } from './reports.table.js';
import { statisticsTable } from './statistics.table.js';
import { loadUnitStatistics } from './unit-statistics.repository.js';
import { statisticsPng, type ChartLabels } from './statistics-chart.js';
import type { UnitYearStatistics } from '../../bot/domain/unit-year-statistics.js';
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

export interface StatisticsWithChart {
  stats: UnitYearStatistics;
  /** PNG bar chart for channels that show images. */
  png: Buffer;
}

/** The year's figures of a unit's subtree and their chart (chat, console, admin). */
export async function buildStatistics(db: Db, translator: Translator, request: ExportRequest): Promise<StatisticsWithChart> {
  const ctx = await loadExportContext(db, translator, request);
  const stats = await loadUnitStatistics(ctx);
  return { stats, png: await statisticsPng(stats, chartLabels(ctx, stats)) };
}

function chartLabels(ctx: ExportContext, stats: UnitYearStatistics): ChartLabels {
  const t = ctx.t;
  return {
    title: t('stats-chart-title', { unit: stats.unitName, year: stats.year }),
    byStatus: t('stats-chart-by-status'),
    byField: t('stats-chart-by-field'),
    byTier: t('stats-chart-by-tier'),
    reports: t('stats-chart-reports'),
    reportsDue: t('stats-chart-reports-due'),
    reportsFiled: t('stats-chart-reports-filed'),
    subscribers: t('stats-chart-subscribers'),
    empty: t('stats-chart-empty'),
  };
}
