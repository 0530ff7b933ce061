import { deadlineMoments, REGISTRATION_DEADLINE_OFFSETS } from '../../../bot/domain/reminder-schedule.js';
import type { PlannedReminder } from '../reminder-planner.js';
import { inWindow, type PlanContext } from './plan-context.js';
import { deadlines } from './deadlines.js';

/** Units under the reviewing unit with active cadres and nothing registered for the year. */
export async function registrationDeadline(ctx: PlanContext): Promise<PlannedReminder[]> {
  const out: PlannedReminder[] = [];
  for (const d of await deadlines(ctx, 'registration_window', 'registration_deadline', REGISTRATION_DEADLINE_OFFSETS)) {
    const moments = deadlineMoments(d.dueDate, d.offsets, ctx.window.quiet, `${d.year}:`).filter(inWindow(ctx.window));
    if (moments.length === 0) continue;
    const grants = await ctx.db.cadreRole.findMany({ where: { role: 'cadre', suspended: false, cadre: { status: 'active' } }, include: { cadre: true } });
    const cadresByUnit = new Map<string, string[]>();
    for (const g of grants) {
      const unitId = g.cadre.unitId;
      if (!ctx.units.isInSubtree(unitId, d.underUnitId, ctx.today)) continue;
      if (ctx.window.targetId && ctx.window.targetId !== unitId) continue;
      cadresByUnit.set(unitId, [...(cadresByUnit.get(unitId) ?? []), g.cadreId]);
    }
    const registered = await ctx.db.registration.findMany({
      where: { year: d.year, deletedAt: null, status: { notIn: ['draft', 'withdrawn', 'deleted'] } },
      select: { subjectUnitId: true },
    });
    for (const [unitId, cadreIds] of [...cadresByUnit.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const has = registered.some((r) => ctx.units.isInSubtree(r.subjectUnitId, unitId, ctx.today));
      if (has && !ctx.window.ignoreTargetState) continue;
      const recipients = await ctx.users.ofCadres(cadreIds);
      for (const m of moments) {
        out.push({
          kind: 'registration_deadline', targetId: unitId, occurrence: m.occurrence, ruleId: d.ruleId, fireAt: m.fireAt, daysLeft: m.daysLeft, unitId, recipients,
          args: { year: d.year, due: d.dueDate, daysLeft: m.daysLeft, unit: ctx.units.get(unitId)?.name ?? unitId },
        });
      }
    }
  }
  return out;
}
