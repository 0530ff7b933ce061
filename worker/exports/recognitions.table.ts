import type { ExportContext } from './export-context.js';
import type { ExportTable } from './export-table.js';
import { wordFor } from './export-words.js';

/** Recognitions decided in the year for records of the subtree; issuer named as of the decision. */
export async function recognitionsTable(ctx: ExportContext): Promise<ExportTable> {
  const rows = await ctx.db.recognition.findMany({
    where: { year: ctx.request.year },
    orderBy: [{ decisionDate: 'asc' }, { id: 'asc' }],
    select: {
      year: true, status: true, decisionNo: true, decisionDate: true, titleAsRecognized: true, issuerUnitId: true, issuerSnapshot: true,
      tier: { select: { labelVi: true } },
      registration: { select: { code: true, title: true, subjectUnitId: true, unitSnapshot: true } },
    },
  });
  const t = ctx.t;
  return {
    sheetName: t('export-sheet-recognitions'),
    fileStem: `cong-nhan-${ctx.request.year}-${ctx.request.unitId}`,
    columns: [
      { key: 'code', header: t('export-col-code'), width: 18 },
      { key: 'title', header: t('export-col-title'), width: 50 },
      { key: 'year', header: t('export-col-year'), width: 7, type: 'number' },
      { key: 'tier', header: t('export-col-tier'), width: 16 },
      { key: 'issuer', header: t('export-col-issuer'), width: 30 },
      { key: 'decisionNo', header: t('export-col-decision-no'), width: 16 },
      { key: 'decisionDate', header: t('export-col-decision-date'), width: 12, type: 'date' },
      { key: 'unit', header: t('export-col-unit-as-of-record'), width: 30 },
      { key: 'unitToday', header: t('export-col-unit-today'), width: 30 },
      { key: 'status', header: t('export-col-status'), width: 16 },
    ],
    rows: rows
      .filter((r) => ctx.inScope(r.registration.subjectUnitId))
      .map((r) => ({
        code: r.registration.code,
        title: r.titleAsRecognized ?? r.registration.title,
        year: r.year,
        tier: r.tier.labelVi,
        issuer: ctx.nameAsOfRecord(r.issuerUnitId, r.issuerSnapshot),
        decisionNo: r.decisionNo,
        decisionDate: r.decisionDate,
        unit: ctx.nameAsOfRecord(r.registration.subjectUnitId, r.registration.unitSnapshot),
        unitToday: ctx.successorName(r.registration.subjectUnitId),
        status: wordFor(ctx, 'export-recognition-status', r.status),
      })),
  };
}
