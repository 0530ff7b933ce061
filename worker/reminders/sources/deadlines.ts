import type { ReportKind } from '../../../bot/domain/registration-status.js';
import { vietnamDateOf, type IsoDate } from '../../../bot/domain/iso-date.js';
import { toIsoDate } from '../../store/store-dates.js';
import type { PlanContext } from './plan-context.js';

/** A date reminders count back from, for the registrations or units under one unit. */
export interface Deadline {
  underUnitId: string;
  year: number;
  dueDate: IsoDate;
  offsets: readonly number[];
  ruleId: string | null;
  reportKind: ReportKind | null;
}

/** Calendar deadlines of one kind (latest effective row per unit/year/report kind) plus staff rules. */
export async function deadlines(ctx: PlanContext, calendarKind: 'report_due' | 'registration_window', ruleKind: string, offsets: readonly number[]): Promise<Deadline[]> {
  const year = Number(ctx.today.slice(0, 4));
  const rows = await ctx.db.campaignCalendarEntry.findMany({
    where: { kind: calendarKind, year: { in: [year - 1, year, year + 1] }, effectiveFrom: { lte: new Date(`${ctx.today}T00:00:00Z`) } },
    orderBy: { effectiveFrom: 'asc' },
  });
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) latest.set(`${row.reviewingUnitId}|${row.year}|${row.reportKind ?? ''}`, row);
  const fromCalendar: Deadline[] = [...latest.values()].map((row) => ({
    underUnitId: row.reviewingUnitId, year: row.year, dueDate: toIsoDate(row.endsOn)!, offsets, ruleId: null, reportKind: row.reportKind as ReportKind | null,
  }));
  const rules = await ctx.db.reminderRule.findMany({ where: { kind: ruleKind, active: true, cancelledAt: null }, orderBy: { createdAt: 'asc' } });
  const fromRules: Deadline[] = rules.map((rule) => {
    const q = (rule.targetQuery ?? {}) as Record<string, unknown>;
    const dueDate = vietnamDateOf(rule.dueAt);
    return {
      underUnitId: typeof q.underUnitId === 'string' ? q.underUnitId : rule.ownerUnitId,
      year: typeof q.year === 'number' ? q.year : Number(dueDate.slice(0, 4)),
      dueDate,
      offsets: rule.offsetsDays.length > 0 ? rule.offsetsDays : offsets,
      ruleId: rule.id,
      reportKind: ((q.reportKind ?? q.missingReportKind) as ReportKind | undefined) ?? null,
    };
  });
  return [...fromCalendar, ...fromRules];
}
