import type { ExportContext } from './export-context.js';
import { vietnamWallClock, type ExportTable } from './export-table.js';
import { wordFor, yesNo } from './export-words.js';
import { attachmentRefsOf } from '../attachments/attachment.repository.js';

/** Reports filed for the year's registrations of the subtree. */
export async function reportsTable(ctx: ExportContext): Promise<ExportTable> {
  const rows = await ctx.db.reportSubmission.findMany({
    where: { registration: { year: ctx.request.year } },
    orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
    select: {
      kind: true, period: true, dueDate: true, submittedAt: true, late: true, resultsText: true, attachments: true,
      registration: { select: { code: true, title: true, subjectUnitId: true, unitSnapshot: true } },
    },
  });
  const t = ctx.t;
  return {
    sheetName: t('export-sheet-reports'),
    fileStem: `bao-cao-${ctx.request.year}-${ctx.request.unitId}`,
    columns: [
      { key: 'code', header: t('export-col-code'), width: 18 },
      { key: 'title', header: t('export-col-title'), width: 40 },
      { key: 'kind', header: t('export-col-report-kind'), width: 20 },
      { key: 'period', header: t('export-col-period'), width: 12 },
      { key: 'dueDate', header: t('export-col-due-date'), width: 12, type: 'date' },
      { key: 'submittedAt', header: t('export-col-submitted-at'), width: 17, type: 'datetime' },
      { key: 'late', header: t('export-col-late'), width: 9 },
      { key: 'unit', header: t('export-col-unit-as-of-record'), width: 30 },
      { key: 'unitToday', header: t('export-col-unit-today'), width: 30 },
      { key: 'results', header: t('export-col-results'), width: 60 },
      { key: 'attachments', header: t('export-col-attachments'), width: 10, type: 'number' },
    ],
    rows: rows
      .filter((r) => ctx.inScope(r.registration.subjectUnitId))
      .map((r) => ({
        code: r.registration.code,
        title: r.registration.title,
        kind: wordFor(ctx, 'report-kind', r.kind),
        period: r.period,
        dueDate: r.dueDate,
        submittedAt: vietnamWallClock(r.submittedAt),
        late: yesNo(ctx, r.late),
        unit: ctx.nameAsOfRecord(r.registration.subjectUnitId, r.registration.unitSnapshot),
        unitToday: ctx.successorName(r.registration.subjectUnitId),
        results: r.resultsText,
        attachments: attachmentRefsOf(r.attachments).length,
      })),
  };
}
