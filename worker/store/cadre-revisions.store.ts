import type { ChatIdentity } from '../../bot/core/identity.js';
import type { ActionResult, ReportDraft } from '../../bot/features/cadre/cadre-services.js';
import { createCampaignCalendar } from '../../bot/domain/campaign-calendar.js';
import { vietnamDateOf } from '../../bot/domain/iso-date.js';
import type { ReportKind } from '../../bot/domain/registration-status.js';
import type { CadreActor } from '../../bot/domain/roles.js';
import { actorId } from '../../bot/domain/roles.js';
import { foldText, normalizeStoredText } from '../../bot/core/fold.js';
import type { Db } from '../../runtime/database.js';
import { linkReportAttachments } from '../attachments/attachment.repository.js';
import { appendAudit } from './audit-log.repository.js';
import { loadCalendarEntries } from './campaign-calendar.repository.js';
import { channelOf, toActionResult, turnWorkflow } from './cadre-workflow.js';
import { loadUnitTree } from './unit-tree.repository.js';

/** Registration columns a cadre may complete when a reviewer returned the registration. */
export const REVISABLE_COLUMNS = [
  'title', 'summary', 'rationale', 'goalsAndCriteria', 'method', 'scopeAndBeneficiaries', 'forces', 'resourcesAndTimeline', 'outputs', 'sustainability', 'location',
] as const;
export type RevisableColumn = (typeof REVISABLE_COLUMNS)[number];


/**
 * T8 with the additions the reviewer asked for: the columns are completed (appended to
 * what was there, never silently replaced, except the title), audited, then resubmitted
 * through the status machine, which re-validates everything.
 */
export async function reviseAndResubmit(db: Db, actor: CadreActor, user: ChatIdentity, registrationId: string, additions: Record<string, string>, now: Date): Promise<ActionResult> {
  const row = await db.registration.findUnique({ where: { id: registrationId } });
  if (!row) return { ok: false, reason: 'not-found', args: {} };
  if (row.status !== 'needs_revision') {
    const probe = await turnWorkflow(db, now).fire({ actor, channel: channelOf(user), registrationId, event: 'resubmit', payload: {} });
    return toActionResult(probe, row.contactCadreId);
  }
  const data: Record<string, string> = {};
  for (const [key, raw] of Object.entries(additions)) {
    if (!(REVISABLE_COLUMNS as readonly string[]).includes(key)) continue;
    const value = normalizeStoredText(raw);
    const before = (row as unknown as Record<string, string | null>)[key];
    data[key] = key === 'title' || !before ? value : `${before}\n${value}`;
  }
  if (Object.keys(data).length > 0) {
    await db.registration.update({ where: { id: registrationId }, data: { ...data, ...(data.title ? { titleFolded: foldText(data.title) } : {}) } });
    await appendAudit(db, {
      at: now, actor: actorId(actor), action: 'registration.revise_fields', entityType: 'registration', entityId: registrationId,
      before: null, after: { fields: Object.keys(data) }, channel: channelOf(user),
    });
  }
  const result = await turnWorkflow(db, now).fire({ actor, channel: channelOf(user), registrationId, event: 'resubmit', payload: { confirmedNewModel: true } });
  return toActionResult(result, row.contactCadreId);
}

/** One report per kind and period: the first half-year for sơ kết, the year for tổng kết. */
export function reportPeriod(kind: ReportKind, year: number): string {
  return kind === 'so_ket_6_thang' ? `${year}-H1` : `${year}`;
}

/** "14 buổi thuyết minh, 620 lượt học sinh" → [{name: 'buổi thuyết minh', value: 14}, …]. */
export function metricsFromText(text: string): Array<{ name: string; value: number; unit: string | null }> {
  const metrics: Array<{ name: string; value: number; unit: string | null }> = [];
  for (const part of text.split(/[,;\n]|\s+(?:và|va)\s+/u)) {
    const match = /(\d+(?:[.,]\d+)*)\s*([\p{L}][\p{L}\s]{0,40})?/u.exec(part.trim());
    if (!match) continue;
    const value = Number(match[1]!.replace(/[.,](?=\d{3}\b)/g, '').replace(',', '.'));
    if (Number.isFinite(value)) metrics.push({ name: normalizeStoredText(match[2] ?? '') || 'số liệu', value, unit: null });
  }
  return metrics;
}

/** T10: the report, its due date from the campaign calendar, and the reminders it makes moot switched off. */
export async function attachReport(db: Db, actor: CadreActor, user: ChatIdentity, registrationId: string, report: ReportDraft, now: Date): Promise<ActionResult & { cancelledReminders?: number }> {
  const row = await db.registration.findUnique({ where: { id: registrationId }, select: { year: true, subjectUnitId: true, contactCadreId: true } });
  if (!row) return { ok: false, reason: 'not-found', args: {} };
  const calendar = createCampaignCalendar({ units: await loadUnitTree(db), entries: await loadCalendarEntries(db, row.year) });
  const due = calendar.reportDue(row.subjectUnitId, row.year, report.kind, vietnamDateOf(now));
  const result = await turnWorkflow(db, now).fire({
    actor,
    channel: channelOf(user),
    registrationId,
    event: 'attach_report',
    payload: {
      report: {
        kind: report.kind,
        period: reportPeriod(report.kind, row.year),
        dueDate: due.status === 'configured' ? due.entry.endsOn : null,
        resultsText: normalizeStoredText(report.resultsText),
        metrics: metricsFromText(report.resultsText),
        difficulties: report.difficulties,
        proposals: report.proposals,
      },
    },
  });
  const answer = toActionResult(result, row.contactCadreId);
  if (!answer.ok || !result.ok) return answer;
  if (report.attachments && report.attachments.length > 0) {
    const filed = await db.reportSubmission.findUnique({ where: { registrationId_kind_period: { registrationId, kind: report.kind, period: reportPeriod(report.kind, row.year) } }, select: { id: true } });
    if (filed) await linkReportAttachments(db, user.userId, filed.id, report.attachments);
  }
  let cancelled = result.cancelledReminders ?? 0;
  for (const effect of result.effects) {
    if (effect.type !== 'cancel_reminders') continue;
    cancelled += await cancelReminders(db, registrationId, effect.reportKind);
  }
  return { ...answer, cancelledReminders: cancelled };
}

/**
 * Switches off the reminder rules aimed at this registration for the report kind.
 * Rules aimed at a query ("accepted without a sơ kết report") need nothing: the
 * registration stops matching once the report exists.
 */
async function cancelReminders(db: Db, registrationId: string, kind: ReportKind | 'all'): Promise<number> {
  const rules = await db.reminderRule.findMany({ where: { active: true } });
  const targeted = rules.filter((r) => {
    const q = (r.targetQuery ?? {}) as Record<string, unknown>;
    return q.registrationId === registrationId && (kind === 'all' || q.missingReportKind === kind || q.reportKind === kind);
  });
  if (targeted.length === 0) return 0;
  const { count } = await db.reminderRule.updateMany({ where: { id: { in: targeted.map((r) => r.id) } }, data: { active: false } });
  return count;
}
