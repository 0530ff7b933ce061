import type { ExportContext } from './export-context.js';
import { vietnamWallClock, type ExportTable } from './export-table.js';
import { wordFor, yesNo } from './export-words.js';
import { attachmentRefsOf } from '../attachments/attachment.repository.js';

/** Registrations of the year in the subtree (drafts and deleted ones are not records yet). */
export async function registrationsTable(ctx: ExportContext): Promise<ExportTable> {
  const rows = await ctx.db.registration.findMany({
    where: { year: ctx.request.year, status: { notIn: ['draft', 'deleted'] } },
    orderBy: [{ code: 'asc' }, { id: 'asc' }],
    select: {
      code: true, year: true, category: true, subjectType: true, personName: true, title: true, field: true, status: true,
      late: true, subjectUnitId: true, unitSnapshot: true, submittedAt: true, updatedAt: true, startDate: true, attachments: true,
    },
  });
  const t = ctx.t;
  return {
    sheetName: t('export-sheet-registrations'),
    fileStem: `dang-ky-${ctx.request.year}-${ctx.request.unitId}`,
    columns: [
      { key: 'code', header: t('export-col-code'), width: 18 },
      { key: 'year', header: t('export-col-year'), width: 7, type: 'number' },
      { key: 'category', header: t('export-col-category'), width: 16 },
      { key: 'title', header: t('export-col-title'), width: 50 },
      { key: 'subject', header: t('export-col-subject-type'), width: 10 },
      { key: 'person', header: t('export-col-person'), width: 22 },
      { key: 'field', header: t('export-col-field'), width: 24 },
      { key: 'unit', header: t('export-col-unit-as-of-record'), width: 30 },
      { key: 'unitToday', header: t('export-col-unit-today'), width: 30 },
      { key: 'status', header: t('export-col-status'), width: 26 },
      { key: 'late', header: t('export-col-late'), width: 9 },
      { key: 'startDate', header: t('export-col-start-date'), width: 12, type: 'date' },
      { key: 'submittedAt', header: t('export-col-submitted-at'), width: 17, type: 'datetime' },
      { key: 'updatedAt', header: t('export-col-updated-at'), width: 17, type: 'datetime' },
      { key: 'attachments', header: t('export-col-attachments'), width: 10, type: 'number' },
    ],
    rows: rows
      .filter((r) => ctx.inScope(r.subjectUnitId))
      .map((r) => ({
        code: r.code,
        year: r.year,
        category: wordFor(ctx, 'reg-category', r.category),
        title: r.title,
        subject: wordFor(ctx, 'export-subject', r.subjectType),
        person: r.personName,
        field: wordFor(ctx, 'reg-field', r.field),
        unit: ctx.nameAsOfRecord(r.subjectUnitId, r.unitSnapshot),
        unitToday: ctx.successorName(r.subjectUnitId),
        status: wordFor(ctx, 'status', r.status),
        late: yesNo(ctx, r.late),
        startDate: r.startDate,
        submittedAt: vietnamWallClock(r.submittedAt),
        updatedAt: vietnamWallClock(r.updatedAt),
        attachments: attachmentRefsOf(r.attachments).length,
      })),
  };
}
