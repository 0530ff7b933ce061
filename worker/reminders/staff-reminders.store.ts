import { randomUUID } from 'node:crypto';
import { actorId } from '../../bot/domain/roles.js';
import { vietnamDateOf } from '../../bot/domain/iso-date.js';
import { loadUnitTree } from '../store/unit-tree.repository.js';
import type { ReportKind } from '../../bot/domain/registration-status.js';
import { deadlineMoments, MORNING_TIME, REPORT_DUE_OFFSETS, vietnamInstant } from '../../bot/domain/reminder-schedule.js';
import type { ScheduledReminder, StaffRemindersApi } from '../../bot/features/staff/reminders/reminder-services.js';
import type { Db } from '../../runtime/database.js';
import { appendAudit } from '../store/audit-log.repository.js';
import { channelOf } from '../store/cadre-workflow.js';
import { reportPeriod } from '../store/cadre-revisions.store.js';
import { loadStaffScope, type StaffScope } from '../store/staff-scope.js';
import type { QuietHours } from '../../bot/domain/quiet-hours.js';
import { DEFAULT_QUIET_HOURS } from './default-quiet-hours.js';
import { ALL_RECIPIENTS } from './fire-once.js';
import { planReminders, type PlannedReminder } from './reminder-planner.js';

export interface StaffRemindersApiOptions {
  /** BROADCAST_QUIET_HOURS (default 21:00–07:00): previews and "lịch nhắc" show the times the sweeper will really use. */
  quietHours?: QuietHours | null;
}

/**
 * Staff reminder rules by chat and the schedule of pending reminders. Previews and the
 * schedule apply the same quiet hours as the sweeper, so a moment shown is the moment sent.
 */
export function createStaffRemindersApi(db: Db, options: StaffRemindersApiOptions = {}): StaffRemindersApi {
  const quiet = options.quietHours === undefined ? DEFAULT_QUIET_HOURS : options.quietHours;
  async function preview(scope: StaffScope, draft: { reportKind: ReportKind; dueDate: string }, now: Date) {
    const rootId = scope.rootIds[0]!;
    const year = Number(draft.dueDate.slice(0, 4));
    const period = reportPeriod(draft.reportKind, year);
    const regs = await db.registration.findMany({
      where: { year, deletedAt: null, status: 'accepted', reports: { none: { kind: draft.reportKind, period } } },
      select: { subjectUnitId: true },
    });
    const targets = regs.filter((r) => scope.units.isInSubtree(r.subjectUnitId, rootId, scope.today)).length;
    const moments = deadlineMoments(draft.dueDate, REPORT_DUE_OFFSETS, quiet).map((m) => m.fireAt).filter((at) => at > now);
    return { scopeUnitId: rootId, scopeName: scope.units.get(rootId)?.name ?? rootId, targets, moments };
  }

  async function listScheduledReminders(scopeUnitId: string, from: Date, to: Date): Promise<ScheduledReminder[]> {
    const planned = await planReminders(db, { from, to, quiet });
    const units = await loadUnitTree(db);
    const inScope = planned.filter((p) => units.isInSubtree(p.unitId, scopeUnitId, vietnamDateOf(from)));
    const groups = new Map<string, ScheduledReminder>();
    for (const p of inScope) {
      const pending = await pendingRecipients(db, p);
      if (pending === null) continue;
      const subject = subjectOf(p);
      const key = `${p.kind}|${p.fireAt.toISOString()}|${JSON.stringify(subject)}`;
      const group = groups.get(key) ?? { kind: p.kind, fireAt: p.fireAt, subject, targets: 0, recipients: 0 };
      group.targets += 1;
      group.recipients += pending;
      groups.set(key, group);
    }
    return [...groups.values()].sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime());
  }

  return {
    async previewReportRule(user, draft, now) {
      const scope = await loadStaffScope(db, user, now);
      if (!scope) return { ok: false, reason: 'not_allowed' };
      if (draft.dueDate < scope.today) return { ok: false, reason: 'due_passed' };
      return { ok: true, ...(await preview(scope, draft, now)) };
    },

    async createReportRule(user, draft, now) {
      const scope = await loadStaffScope(db, user, now);
      if (!scope) return { ok: false, reason: 'not_allowed' };
      if (draft.dueDate < scope.today) return { ok: false, reason: 'due_passed' };
      const shown = await preview(scope, draft, now);
      const dueAt = vietnamInstant(draft.dueDate, MORNING_TIME);
      const year = Number(draft.dueDate.slice(0, 4));
      const targetQuery = { status: 'accepted', reportKind: draft.reportKind, year, underUnitId: shown.scopeUnitId };
      const existing = await db.reminderRule.findFirst({
        where: { kind: 'report_due', ownerUnitId: shown.scopeUnitId, dueAt, active: true, cancelledAt: null, targetQuery: { equals: targetQuery } },
      });
      if (existing) return { ok: true, ruleId: existing.id, ...shown };
      const ruleId = randomUUID();
      await db.reminderRule.create({
        data: { id: ruleId, kind: 'report_due', ownerUnitId: shown.scopeUnitId, targetQuery, dueAt, offsetsDays: [...REPORT_DUE_OFFSETS], createdBy: scope.actor.cadreId, createdAt: now },
      });
      await appendAudit(db, {
        at: now, actor: actorId(scope.actor), action: 'reminder_rule.create', entityType: 'reminder_rule', entityId: ruleId, channel: channelOf(user),
        before: null, after: { kind: 'report_due', ...targetQuery, dueDate: draft.dueDate, targets: shown.targets },
      });
      return { ok: true, ruleId, ...shown };
    },

    async listScheduled(user, from, to, now) {
      const scope = await loadStaffScope(db, user, now);
      if (!scope) return { ok: false, reason: 'not_allowed' };
      const rootId = scope.rootIds[0]!;
      return { ok: true, scopeName: scope.units.get(rootId)?.name ?? rootId, items: await listScheduledReminders(rootId, from, to) };
    },

    listScheduledReminders,
  };
}

/** Recipients not yet reached for a planned moment; null when it was cancelled or everyone has it. */
async function pendingRecipients(db: Db, p: PlannedReminder): Promise<number | null> {
  const rows = await db.reminderFiring.findMany({ where: { kind: p.kind, targetId: p.targetId, occurrence: p.occurrence }, select: { recipientId: true } });
  if (rows.some((r) => r.recipientId === ALL_RECIPIENTS)) return null;
  const fired = new Set(rows.map((r) => r.recipientId));
  const pending = p.recipients.filter((r) => !fired.has(r.userId)).length;
  return pending === 0 && p.recipients.length > 0 ? null : pending;
}

function subjectOf(p: PlannedReminder): ScheduledReminder['subject'] {
  const a = p.args;
  switch (p.kind) {
    case 'report_due':
      return { reportKind: a.reportKind as ReportKind, due: String(a.due) };
    case 'registration_deadline':
      return { year: Number(a.year), due: String(a.due) };
    case 'event':
    case 'event_change':
      return { title: String(a.title) };
    default:
      return { code: String(a.code), title: String(a.title) };
  }
}
