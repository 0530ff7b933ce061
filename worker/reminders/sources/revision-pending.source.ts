import { revisionMoments } from '../../../bot/domain/reminder-schedule.js';
import { createScopePolicy } from '../../../bot/domain/scope-policy.js';
import { loadCadreActor } from '../../store/cadre.repository.js';
import { loadTierCatalog } from '../../store/unit-tree.repository.js';
import type { PlannedReminder } from '../reminder-planner.js';
import { inWindow, type PlanContext } from './plan-context.js';

/** needs_revision for 7 days → the cadre; 21 days → the reviewers whose scope covers it. */
export async function revisionPending(ctx: PlanContext): Promise<PlannedReminder[]> {
  // The nudge keys on the return time, which a later transition overwrites: nothing to switch off ahead.
  if (ctx.window.ignoreTargetState) return [];
  const regs = await ctx.db.registration.findMany({
    where: { deletedAt: null, ...(ctx.window.targetId ? { id: ctx.window.targetId } : {}), ...(ctx.window.ignoreTargetState ? {} : { status: 'needs_revision' }) },
    orderBy: { id: 'asc' },
  });
  const out: PlannedReminder[] = [];
  for (const reg of regs) {
    // The return to the cadre is the last audited transition of a registration in needs_revision.
    const last = await ctx.db.auditLog.findFirst({ where: { entityType: 'registration', entityId: reg.id }, orderBy: { at: 'desc' } });
    if (!last) continue;
    for (const m of revisionMoments(last.at, ctx.window.quiet).filter(inWindow(ctx.window))) {
      const recipients = m.kind === 'revision_pending' ? await ctx.users.ofCadres([reg.contactCadreId]) : await ctx.users.ofCadres(await reviewersCovering(ctx, reg.subjectUnitId));
      out.push({
        kind: m.kind, targetId: reg.id, occurrence: m.occurrence, ruleId: null, fireAt: m.fireAt, daysLeft: 0, unitId: reg.subjectUnitId, recipients,
        args: { code: reg.code ?? '—', title: reg.title ?? '', days: m.kind === 'revision_pending' ? 7 : 21, unit: ctx.units.get(reg.subjectUnitId)?.name ?? reg.subjectUnitId },
      });
    }
  }
  return out;
}

async function reviewersCovering(ctx: PlanContext, unitId: string): Promise<string[]> {
  const scope = createScopePolicy({ units: ctx.units, tiers: await loadTierCatalog(ctx.db) });
  const grants = await ctx.db.cadreRole.findMany({ where: { role: 'reviewer', suspended: false }, select: { cadreId: true } });
  const out: string[] = [];
  for (const cadreId of [...new Set(grants.map((g) => g.cadreId))].sort()) {
    const actor = await loadCadreActor(ctx.db, cadreId);
    if (actor && scope.grantCovering(actor, 'reviewer', unitId, ctx.today)) out.push(cadreId);
  }
  return out;
}
