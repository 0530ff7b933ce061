import { daysBetween, vietnamDateOf, type IsoDate } from '../../bot/domain/iso-date.js';
import type { QuietHours } from '../../bot/domain/quiet-hours.js';
import type { ReportKind } from '../../bot/domain/registration-status.js';
import {
  deadlineMoments,
  evaluationVisitMoment,
  eventMoments,
  REGISTRATION_DEADLINE_OFFSETS,
  REPORT_DUE_OFFSETS,
  revisionMoments,
  type ReminderKind,
  type ReminderMoment,
} from '../../bot/domain/reminder-schedule.js';
import { createScopePolicy } from '../../bot/domain/scope-policy.js';
import type { UnitTree } from '../../bot/domain/unit-tree.js';
import type { Db } from '../../runtime/database.js';
import { loadCadreActor } from '../store/cadre.repository.js';
import { reportPeriod } from '../store/cadre-revisions.store.js';
import { createSubscriberRepository } from '../store/subscriber.repository.js';
import { toIsoDate } from '../store/store-dates.js';
import { loadTierCatalog, loadUnitTree } from '../store/unit-tree.repository.js';

/** A chat account a reminder goes to. */
export interface ReminderRecipient {
  userId: string;
  channel: string;
  chatId: string;
  locale: string;
}

/** One reminder due at one moment for one target (registration, unit or event), to its recipients. */
export interface PlannedReminder {
  kind: ReminderKind;
  targetId: string;
  occurrence: string;
  ruleId: string | null;
  fireAt: Date;
  daysLeft: number;
  /** The unit it concerns: staff see it in "lịch nhắc" when it lies in their scope. */
  unitId: string;
  recipients: ReminderRecipient[];
  /** Message arguments (see worker/reminders/reminder-messages.ts). */
  args: Record<string, string | number>;
}

export interface PlanWindow {
  from: Date;
  to: Date;
  quiet: QuietHours | null;
  /** Only this registration, unit or event (cancellation, previews). */
  targetId?: string;
  /**
   * Plan as if the target still qualified (a report not yet filed, a registration not
   * withdrawn): what the cancellation switches off is what would have been sent.
   */
  ignoreTargetState?: boolean;
}

interface Deadline {
  underUnitId: string;
  year: number;
  dueDate: IsoDate;
  offsets: readonly number[];
  ruleId: string | null;
  reportKind: ReportKind | null;
}

const inWindow = (w: PlanWindow) => (m: ReminderMoment) => m.fireAt >= w.from && m.fireAt <= w.to;

/**
 * What is due in a time window, computed from PostgreSQL (the rules, the campaign
 * calendar, registrations, evaluations, events, subscribers). The sweeper fires what
 * is due and not yet recorded in `reminder_firing`; "lịch nhắc" lists the future part.
 * Filing a report, withdrawing or cancelling the event makes the target stop
 * qualifying, so nothing stale is ever planned.
 */
export async function planReminders(db: Db, window: PlanWindow): Promise<PlannedReminder[]> {
  const units = await loadUnitTree(db);
  const ctx = { db, units, window, today: vietnamDateOf(window.to), users: createRecipientLookup(db) };
  const lists = await Promise.all([reportDue(ctx), snoozedReports(ctx), registrationDeadline(ctx), revisionPending(ctx), evaluationVisits(ctx), eventReminders(ctx)]);
  const seen = new Set<string>();
  const planned: PlannedReminder[] = [];
  // A staff rule and the calendar may name the same deadline: one reminder, not two.
  for (const item of lists.flat()) {
    const key = `${item.kind}|${item.targetId}|${item.occurrence}`;
    if (seen.has(key)) continue;
    seen.add(key);
    planned.push(item);
  }
  return planned.sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime());
}

type PlanContext = { db: Db; units: UnitTree; window: PlanWindow; today: IsoDate; users: ReturnType<typeof createRecipientLookup> };

function createRecipientLookup(db: Db) {
  const byCadre = new Map<string, ReminderRecipient[]>();
  return {
    async ofCadres(cadreIds: Array<string | null>): Promise<ReminderRecipient[]> {
      const out: ReminderRecipient[] = [];
      for (const cadreId of new Set(cadreIds.filter((id): id is string => id !== null))) {
        let users = byCadre.get(cadreId);
        if (!users) {
          const rows = await db.chatUser.findMany({ where: { cadreId }, orderBy: { id: 'asc' } });
          users = rows.map((u) => ({ userId: u.id, channel: u.channel, chatId: u.chatId, locale: u.locale }));
          byCadre.set(cadreId, users);
        }
        out.push(...users);
      }
      return out;
    },
    async ofUsers(userIds: string[]): Promise<ReminderRecipient[]> {
      if (userIds.length === 0) return [];
      const rows = await db.chatUser.findMany({ where: { id: { in: userIds } }, orderBy: { id: 'asc' } });
      return rows.map((u) => ({ userId: u.id, channel: u.channel, chatId: u.chatId, locale: u.locale }));
    },
  };
}

/** Calendar deadlines of one kind (latest effective row per unit/year/report kind) plus staff rules. */
async function deadlines(ctx: PlanContext, calendarKind: 'report_due' | 'registration_window', ruleKind: string, offsets: readonly number[]): Promise<Deadline[]> {
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

async function reportDue(ctx: PlanContext): Promise<PlannedReminder[]> {
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

async function snoozedReports(ctx: PlanContext): Promise<PlannedReminder[]> {
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

/** Units under the reviewing unit with active cadres and nothing registered for the year. */
async function registrationDeadline(ctx: PlanContext): Promise<PlannedReminder[]> {
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

/** needs_revision for 7 days → the cadre; 21 days → the reviewers whose scope covers it. */
async function revisionPending(ctx: PlanContext): Promise<PlannedReminder[]> {
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

/** A field visit (khảo sát thực tế) with a date ahead: the cadre hears of it the morning before. */
async function evaluationVisits(ctx: PlanContext): Promise<PlannedReminder[]> {
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

/** Subscribers whose interests cover the host unit (ancestors and successors included). */
async function eventReminders(ctx: PlanContext): Promise<PlannedReminder[]> {
  const rows = await ctx.db.event.findMany({
    where: {
      ...(ctx.window.targetId ? { id: ctx.window.targetId } : {}),
      ...(ctx.window.ignoreTargetState ? {} : { status: { in: ['planned', 'confirmed'] } }),
      audience: 'public',
      hostUnitId: { not: null },
      startsAt: { gt: ctx.window.from, lte: new Date(ctx.window.to.getTime() + 4 * 86_400_000) },
    },
    orderBy: { startsAt: 'asc' },
  });
  const subscribers = createSubscriberRepository(ctx.db, async () => ctx.units);
  const out: PlannedReminder[] = [];
  for (const ev of rows) {
    const moments = eventMoments(ev.startsAt!, ctx.window.quiet).filter(inWindow(ctx.window));
    if (moments.length === 0) continue;
    const recipients = await ctx.users.ofUsers(await subscribers.audienceFor(ev.hostUnitId!, ctx.today, 'events'));
    for (const m of moments) {
      out.push({
        kind: 'event', targetId: ev.id, occurrence: m.occurrence, ruleId: null, fireAt: m.fireAt, daysLeft: m.daysLeft, unitId: ev.hostUnitId!, recipients,
        args: { title: ev.title, startsAt: ev.startsAt!.toISOString(), venue: ev.venue ?? ev.address ?? '', daysLeft: m.daysLeft },
      });
    }
  }
  return out;
}
