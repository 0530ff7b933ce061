import { vietnamDateOf } from '../../../bot/domain/iso-date.js';
import { evaluationVisitMoment } from '../../../bot/domain/reminder-schedule.js';
import { toIsoDate } from '../../store/store-dates.js';
import type { PlannedReminder } from '../reminder-planner.js';
import { inWindow, type PlanContext } from './plan-context.js';

/** A field visit (khảo sát thực tế) with a date ahead: the cadre hears of it the morning before. */
export async function evaluationVisits(ctx: PlanContext): Promise<PlannedReminder[]> {
  const fromDay = vietnamDateOf(ctx.window.from);
  const rows = await ctx.db.evaluation.findMany({
    where: {
      method: 'khao_sat_thuc_te',
      visitedOn: { gte: new Date(`${fromDay}T00:00:00Z`) },
      registration: { deletedAt: null, ...(ctx.window.targetId ? { id: ctx.window.targetId } : {}), ...(ctx.window.ignoreTargetState ? {} : { status: { in: ['accepted', 'under_evaluation'] } }) },
    },
    include: { registration: true },
    orderBy: { id: 'asc' },
  });
  const out: PlannedReminder[] = [];
  for (const ev of rows) {
    const visitOn = toIsoDate(ev.visitedOn)!;
    const m = evaluationVisitMoment(visitOn, ctx.window.quiet);
    if (!inWindow(ctx.window)(m)) continue;
    const reg = ev.registration;
    out.push({
      kind: 'evaluation_visit', targetId: reg.id, occurrence: m.occurrence, ruleId: null, fireAt: m.fireAt, daysLeft: 1, unitId: reg.subjectUnitId,
      recipients: await ctx.users.ofCadres([reg.contactCadreId]),
      args: { code: reg.code ?? '—', title: reg.title ?? '', date: visitOn },
    });
  }
  return out;
}
