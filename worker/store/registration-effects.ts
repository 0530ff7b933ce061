import { randomUUID } from 'node:crypto';
import type { AuditChannel } from '../../bot/domain/audit-entry.js';
import type { IsoDate } from '../../bot/domain/iso-date.js';
import type { RegistrationState } from '../../bot/domain/registration-state.js';
import type { SideEffect } from '../../bot/domain/side-effect.js';
import { foldText } from '../../bot/core/fold.js';
import type { UnitTree } from '../../bot/domain/unit-tree.js';
import type { Db } from '../../runtime/database.js';
import type { Prisma } from '../../prisma/generated/client.js';
import { appendAudit } from './audit-log.repository.js';
import { allocateRegistrationCode } from './registration-code.allocator.js';
import { registrationShortCode, unitSnapshot } from './registration.repository.js';
import { fromIsoDate } from './store-dates.js';

/** Effects the store performs; the rest (messages, reminders, announcement drafts) go back to the caller. */
const STORE_EFFECTS = new Set<SideEffect['type']>([
  'write_audit', 'assign_code', 'snapshot_unit', 'set_late', 'soft_delete', 'create_report', 'create_evaluation',
  'create_recognition', 'create_award', 'create_nomination', 'revoke_recognition', 'record_comment',
]);

export type CallerEffect = Exclude<SideEffect, { type: 'write_audit' | 'assign_code' | 'snapshot_unit' | 'set_late' | 'soft_delete' | 'create_report' | 'create_evaluation' | 'create_recognition' | 'create_award' | 'create_nomination' | 'revoke_recognition' | 'record_comment' }>;

export interface EffectContext {
  db: Db;
  units: UnitTree;
  now: Date;
  today: IsoDate;
  actor: string;
  channel: AuditChannel;
  registration: RegistrationState;
  newId?: () => string;
}

const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;

/**
 * Performs the store's side effects of one transition inside the caller's database
 * transaction, and returns the columns to set on the registration plus the effects
 * the caller still has to perform. Audit rows are written last, with the final code.
 */
export async function performStoreEffects(effects: readonly SideEffect[], ctx: EffectContext) {
  const newId = ctx.newId ?? randomUUID;
  const { db, registration: r } = ctx;
  const columns: Prisma.RegistrationUncheckedUpdateInput = {};
  let code = r.code;
  let recognitionId: string | undefined;
  for (const e of effects) {
    switch (e.type) {
      case 'assign_code':
        code = await allocateRegistrationCode(db, r.year, registrationShortCode(ctx.units, r.subjectUnitId, ctx.today));
        columns.code = code;
        break;
      case 'snapshot_unit':
        columns.unitSnapshot = asJson(unitSnapshot(ctx.units, e.unitId, e.asOf));
        break;
      case 'set_late':
        columns.late = e.late;
        break;
      case 'soft_delete':
        columns.deletedAt = ctx.now;
        break;
      case 'create_report':
        await db.reportSubmission.create({
          data: {
            id: newId(), registrationId: r.id, kind: e.report.kind, period: e.report.period, dueDate: fromIsoDate(e.report.dueDate),
            submittedAt: ctx.now, late: e.late, resultsText: e.report.resultsText, metrics: asJson(e.report.metrics),
            difficulties: e.report.difficulties, proposals: e.report.proposals,
          },
        });
        break;
      case 'create_evaluation': {
        const ev = e.evaluation;
        await db.evaluation.create({
          data: {
            id: newId(), registrationId: r.id, round: ev.round, method: ev.method, evaluatorCadreIds: [...ev.evaluatorCadreIds],
            visitedOn: fromIsoDate(ev.visitedOn), scores: asJson(ev.scores), total: ev.scores.reduce((s, x) => s + x.score, 0),
            verdict: ev.verdict, comment: ev.comment,
          },
        });
        break;
      }
      case 'create_recognition':
        recognitionId = newId();
        await db.recognition.create({
          data: {
            id: recognitionId, registrationId: r.id, tierCode: e.tierCode, issuerUnitId: e.issuerUnitId,
            issuerSnapshot: asJson(unitSnapshot(ctx.units, e.issuerUnitId, e.decisionDate)), decisionNo: e.decisionNo,
            decisionDate: fromIsoDate(e.decisionDate), year: e.year, status: 'approved', titleAsRecognized: e.titleAsRecognized,
          },
        });
        break;
      case 'create_award':
        await db.award.create({
          data: {
            id: newId(), recipientType: r.subjectType ?? 'tap_the', recipientUnitId: r.subjectUnitId, recipientName: r.personName,
            recipientNameFolded: r.personName ? foldText(r.personName) : null, form: e.award.form, rank: e.award.rank,
            issuerUnitId: e.issuerUnitId, decisionNo: e.decisionNo, date: fromIsoDate(e.date), recognitionId: recognitionId ?? null,
          },
        });
        break;
      case 'create_nomination':
        await db.nomination.create({
          data: { id: newId(), fromRecognitionId: e.fromRecognitionId, toTierCode: e.toTierCode, toIssuerUnitId: e.toIssuerUnitId, proposedBy: ctx.actor, proposedAt: ctx.now },
        });
        break;
      case 'revoke_recognition':
        await db.recognition.update({ where: { id: e.recognitionId }, data: { status: 'revoked', revokedReason: e.reason, revokedDecision: e.decisionRef } });
        break;
      case 'record_comment':
        await db.registrationNote.create({ data: { registrationId: r.id, event: e.event, comment: e.comment, author: ctx.actor, at: ctx.now } });
        break;
      default:
        break;
    }
  }
  for (const e of effects) {
    if (e.type !== 'write_audit') continue;
    await appendAudit(db, {
      at: e.at, actor: e.actor, action: e.action, entityType: 'registration', entityId: r.id, channel: e.channel,
      before: e.before === null ? null : { status: e.before, code: r.code },
      after: { status: e.after, code, details: e.details },
    });
  }
  return { columns, code, callerEffects: effects.filter((e): e is CallerEffect => !STORE_EFFECTS.has(e.type)) };
}
