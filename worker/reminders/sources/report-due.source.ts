import { daysBetween, vietnamDateOf } from '../../../bot/domain/iso-date.js';
import type { ReportKind } from '../../../bot/domain/registration-status.js';
import { deadlineMoments, REPORT_DUE_OFFSETS } from '../../../bot/domain/reminder-schedule.js';
import { reportPeriod } from '../../store/cadre-revisions.store.js';
import type { PlannedReminder } from '../reminder-planner.js';
import { inWindow, type PlanContext } from './plan-context.js';
import { deadlines } from './deadlines.js';

/** Report due (T-7, T-3, T-1, the day) to the contact cadres of accepted registrations without the report. */
export async function reportDue(ctx: PlanContext): Promise<PlannedReminder[]> {
  const out: PlannedReminder[] = [];
  for (const d of await deadlines(ctx, 'report_due', 'report_due', REPORT_DUE_OFFSETS)) {
    if (!d.reportKind) continue;
    const moments = deadlineMoments(d.dueDate, d.offsets, ctx.window.quiet, `${d.reportKind}:`).filter(inWindow(ctx.window));
    if (moments.length === 0) continue;
    const period = reportPeriod(d.reportKind, d.year);
    const regs = await ctx.db.registration.findMany({
      where: {
        year: d.year,
        deletedAt: null,
        ...(ctx.window.targetId ? { id: ctx.window.targetId } : {}),
        ...(ctx.window.ignoreTargetState ? {} : { status: 'accepted', reports: { none: { kind: d.reportKind, period } } }),
      },
      orderBy: { id: 'asc' },
    });
    for (const reg of regs) {
      if (!ctx.units.isInSubtree(reg.subjectUnitId, d.underUnitId, ctx.today)) continue;
      const recipients = await ctx.users.ofCadres([reg.contactCadreId]);
      for (const m of moments) {
        out.push({
          kind: 'report_due', targetId: reg.id, occurrence: m.occurrence, ruleId: d.ruleId, fireAt: m.fireAt, daysLeft: m.daysLeft, unitId: reg.subjectUnitId, recipients,
          args: { code: reg.code ?? '—', title: reg.title ?? '', reportKind: d.reportKind, due: d.dueDate, daysLeft: m.daysLeft, registrationId: reg.id },
        });
      }
    }
  }
  return out;
}

/** The rule kind of "Nhắc lại ngày mai": one more report reminder to the cadre who asked, next morning. */
export const SNOOZE_RULE_KIND = 'report_snooze';

export async function snoozedReports(ctx: PlanContext): Promise<PlannedReminder[]> {
  const rules = await ctx.db.reminderRule.findMany({
    where: { kind: SNOOZE_RULE_KIND, active: true, cancelledAt: null, dueAt: { gte: ctx.window.from, lte: ctx.window.to } },
    orderBy: { createdAt: 'asc' },
  });
  const out: PlannedReminder[] = [];
  for (const rule of rules) {
    const q = (rule.targetQuery ?? {}) as { registrationId?: string; reportKind?: ReportKind; due?: string; cadreId?: string };
    if (!q.registrationId || !q.reportKind || !q.due || !q.cadreId) continue;
    if (ctx.window.targetId && ctx.window.targetId !== q.registrationId) continue;
    const reg = await ctx.db.registration.findUnique({ where: { id: q.registrationId }, include: { reports: { select: { kind: true, period: true } } } });
    if (!reg || reg.deletedAt) continue;
    const filed = reg.reports.some((r) => r.kind === q.reportKind && r.period === reportPeriod(q.reportKind!, reg.year));
    if (!ctx.window.ignoreTargetState && (reg.status !== 'accepted' || filed)) continue;
    const day = vietnamDateOf(rule.dueAt);
    const daysLeft = Math.max(0, daysBetween(day, q.due));
    out.push({
      kind: 'report_due', targetId: reg.id, occurrence: `${q.reportKind}:snooze@${day}`, ruleId: rule.id, fireAt: rule.dueAt, daysLeft, unitId: reg.subjectUnitId,
      recipients: await ctx.users.ofCadres([q.cadreId]),
      args: { code: reg.code ?? '—', title: reg.title ?? '', reportKind: q.reportKind, due: q.due, daysLeft, registrationId: reg.id },
    });
  }
  return out;
}
