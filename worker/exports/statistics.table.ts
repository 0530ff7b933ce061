import type { UnitYearStatistics } from '../../bot/domain/unit-year-statistics.js';
import type { ExportContext } from './export-context.js';
import type { ExportCell, ExportTable } from './export-table.js';
import { loadUnitStatistics } from './unit-statistics.repository.js';

/** The year's figures as one sheet of (group, item, count) rows: easy to filter and to paste into a report. */
export async function statisticsTable(ctx: ExportContext, loaded?: UnitYearStatistics): Promise<ExportTable> {
  const stats = loaded ?? (await loadUnitStatistics(ctx));
  const t = ctx.t;
  const rows: Record<string, ExportCell>[] = [];
  const add = (group: string, item: string, count: number) => rows.push({ unit: stats.unitName, year: stats.year, group, item, count });
  add(t('export-stat-group-registrations'), t('export-stat-total'), stats.registrations.total);
  for (const c of stats.registrations.byStatus) add(t('export-stat-group-status'), c.label, c.count);
  for (const c of stats.registrations.byCategory) add(t('export-stat-group-category'), c.label, c.count);
  for (const c of stats.registrations.byField) add(t('export-stat-group-field'), c.label, c.count);
  for (const c of stats.registrations.byTier) add(t('export-stat-group-tier'), c.label, c.count);
  add(t('export-stat-group-recognitions'), t('export-stat-total'), stats.recognitions);
  add(t('export-stat-group-reports'), t('export-stat-reports-due'), stats.reports.due);
  add(t('export-stat-group-reports'), t('export-stat-reports-filed-of-due'), stats.reports.filedOfDue);
  add(t('export-stat-group-reports'), t('export-stat-reports-filed'), stats.reports.filed);
  add(t('export-stat-group-reports'), t('export-stat-reports-late'), stats.reports.late);
  for (const c of stats.subscribersByChannel) add(t('export-stat-group-subscribers'), c.label, c.count);
  return {
    sheetName: t('export-sheet-statistics'),
    fileStem: `thong-ke-${ctx.request.year}-${ctx.request.unitId}`,
    columns: [
      { key: 'unit', header: t('export-col-unit'), width: 28 },
      { key: 'year', header: t('export-col-year'), width: 7, type: 'number' },
      { key: 'group', header: t('export-col-stat-group'), width: 24 },
      { key: 'item', header: t('export-col-stat-item'), width: 36 },
      { key: 'count', header: t('export-col-count'), width: 10, type: 'number' },
    ],
    rows,
  };
}
