import { createCampaignCalendar } from '../../bot/domain/campaign-calendar.js';
import { REPORT_KINDS } from '../../bot/domain/registration-status.js';
import type { StatisticCount, UnitYearStatistics } from '../../bot/domain/unit-year-statistics.js';
import { loadCalendarEntries } from '../store/campaign-calendar.repository.js';
import type { ExportContext } from './export-context.js';
import { wordFor } from './export-words.js';

/** Statuses after acceptance: the record is running and owes its reports. */
const REPORTING_STATUSES = new Set(['accepted', 'under_evaluation', 'recognized', 'not_recognized']);

/** Counts for the unit's subtree and year (see {@link UnitYearStatistics}). */
export async function loadUnitStatistics(ctx: ExportContext): Promise<UnitYearStatistics> {
  const { year, unitId, today } = ctx.request;
  const [registrations, subscribers, entries] = await Promise.all([
    ctx.db.registration.findMany({
      where: { year, status: { notIn: ['draft', 'deleted'] } },
      select: {
        id: true, status: true, category: true, field: true, subjectUnitId: true,
        recognitions: { where: { status: 'approved', year }, select: { tier: { select: { code: true, labelVi: true, rank: true } } } },
        reports: { select: { kind: true, late: true } },
      },
    }),
    ctx.db.subscriber.findMany({ where: { followed: true, blocked: false }, select: { userId: true, unitsOfInterest: true } }),
    loadCalendarEntries(ctx.db, year),
  ]);
  const mine = registrations.filter((r) => ctx.inScope(r.subjectUnitId));
  const calendar = createCampaignCalendar({ units: ctx.units, entries });

  let due = 0;
  let filedOfDue = 0;
  for (const r of mine.filter((reg) => REPORTING_STATUSES.has(reg.status))) {
    for (const kind of REPORT_KINDS) {
      const answer = calendar.reportDue(r.subjectUnitId, year, kind, today);
      if (answer.status !== 'configured' || answer.entry.endsOn > today) continue;
      due += 1;
      if (r.reports.some((report) => report.kind === kind)) filedOfDue += 1;
    }
  }
  const reports = mine.flatMap((r) => r.reports);

  const tierOf = (r: (typeof mine)[number]) =>
    r.recognitions.map((rec) => rec.tier).sort((a, b) => b.rank - a.rank)[0] ?? null;

  return {
    unitId,
    unitName: ctx.units.get(unitId)?.name ?? unitId,
    year,
    registrations: {
      total: mine.length,
      byStatus: countBy(mine.map((r) => r.status), (code) => wordFor(ctx, 'status', code) ?? ''),
      byCategory: countBy(mine.map((r) => r.category), (code) => wordFor(ctx, 'reg-category', code) ?? ctx.t('export-not-given')),
      byField: countBy(mine.map((r) => r.field), (code) => wordFor(ctx, 'reg-field', code) ?? ctx.t('export-not-given')),
      byTier: countBy(
        mine.map(tierOf).filter((tier) => tier !== null).map((tier) => `${tier.rank}|${tier.code}|${tier.labelVi}`),
        (key) => key!.split('|')[2]!,
      ).map((c) => ({ ...c, code: c.code!.split('|')[1]! })),
    },
    recognitions: mine.reduce((sum, r) => sum + r.recognitions.length, 0),
    reports: { due, filedOfDue, filed: reports.length, late: reports.filter((r) => r.late).length },
    subscribersByChannel: countBy(
      subscribers.filter((s) => s.unitsOfInterest.some((u) => ctx.inScope(u))).map((s) => s.userId.split(':')[0] ?? 'console'),
      (code) => wordFor(ctx, 'export-channel', code) ?? '',
    ),
  };
}

/** Counts per code, largest first (ties by label), each with its words. */
function countBy(codes: (string | null)[], label: (code: string | null) => string): StatisticCount[] {
  const counts = new Map<string | null, number>();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts.entries()]
    .map(([code, count]) => ({ code, label: label(code), count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'vi'));
}
