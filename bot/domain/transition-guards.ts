import { checkDecisionNumber } from './decision-number.js';
import { deny, type Denial } from './denial.js';
import { isLateSubmission } from './campaign-calendar.js';
import { daysBetween, vietnamDateOf, vietnamYearOf, type IsoDate } from './iso-date.js';
import { REGISTRATION_STATUSES, REJECT_REASONS, type RegistrationEvent } from './registration-status.js';
import type { RecognitionFacts, RegistrationState } from './registration-state.js';
import { validateForSubmit } from './registration-validation.js';
import type { RoleGrant } from './roles.js';
import type { ScopePolicy } from './scope-policy.js';
import type { SideEffect } from './side-effect.js';
import type { TransitionPayloads } from './transition-payloads.js';
import type { PossibleDuplicate } from './title-similarity.js';

/** Everything a guard may look at. `grant` is the grant that permitted the actor (none for admins/system). */
export interface GuardContext<E extends RegistrationEvent> {
  now: Date;
  today: IsoDate;
  registration: E extends 'create' ? null : RegistrationState;
  payload: TransitionPayloads[E];
  grant: RoleGrant | undefined;
  isAdmin: boolean;
  isSystem: boolean;
  scope: ScopePolicy;
  idleDraftDays: number;
}

/** A guard either denies, or returns the extra effects and warnings of the transition. */
export type GuardResult = Denial | { effects: SideEffect[]; warnings: string[] };

const pass = (effects: SideEffect[] = [], warnings: string[] = []): GuardResult => ({ effects, warnings });
const blank = (s: string | null | undefined) => s === null || s === undefined || s.trim() === '';

type Guards = { [E in RegistrationEvent]: (ctx: GuardContext<E>) => GuardResult };

function checkSubmittable(r: RegistrationState, duplicates: readonly PossibleDuplicate[], confirmedNewModel: boolean): Denial | null {
  const issues = validateForSubmit(r);
  if (issues.length > 0) return deny('fields-invalid', { fields: issues.map((i) => i.field).join(', '), firstIssue: issues[0]!.messageKey });
  if (duplicates.length > 0 && !confirmedNewModel) {
    return deny('possible-duplicate', { codes: duplicates.map((d) => d.code ?? d.id).join(', '), count: duplicates.length });
  }
  return null;
}

/** The approved recognition a nomination or revocation acts on: the named one, else the latest. */
export function pickRecognition(r: RegistrationState, id: string | undefined): RecognitionFacts | undefined {
  const approved = r.recognitions.filter((x) => x.status === 'approved');
  if (id !== undefined) return approved.find((x) => x.id === id);
  return approved.at(-1);
}

export const GUARDS: Guards = {
  create: ({ payload, now }) => {
    const current = vietnamYearOf(now);
    const ok = payload.year === current || (payload.allowNextYear && payload.year === current + 1);
    return ok ? pass() : deny('year-not-allowed', { year: payload.year, current });
  },
  edit: () => pass(),
  submit: ({ registration: r, payload, today }) => {
    const denial = checkSubmittable(r, payload.duplicates, payload.confirmedNewModel);
    if (denial) return denial;
    const late = isLateSubmission(payload.registrationWindow, today);
    const effects: SideEffect[] = [
      ...(r.code === null ? [{ type: 'assign_code' } as const] : []),
      { type: 'snapshot_unit', unitId: r.subjectUnitId, asOf: today },
      { type: 'set_late', late },
      { type: 'queue_for_review', subjectUnitId: r.subjectUnitId },
    ];
    return pass(effects, late ? ['warn-late-submission'] : []);
  },
  discard: ({ registration: r, isSystem, now, idleDraftDays }) => {
    if (isSystem && daysBetween(vietnamDateOf(r.updatedAt), vietnamDateOf(now)) < idleDraftDays) {
      return deny('draft-not-idle', { days: idleDraftDays });
    }
    return pass([{ type: 'soft_delete' }, { type: 'cancel_reminders', reportKind: 'all' }]);
  },
  accept: () => pass(),
  return: ({ payload }) =>
    blank(payload.comment) ? deny('comment-required') : pass([{ type: 'record_comment', event: 'return', comment: payload.comment.trim() }]),
  reject: ({ payload }) => {
    if (payload.reasonCode === null || !(REJECT_REASONS as readonly string[]).includes(payload.reasonCode)) {
      return deny('reject-reason-required', { reasons: REJECT_REASONS.join(', ') });
    }
    return pass([{ type: 'record_comment', event: 'reject', comment: payload.comment?.trim() || payload.reasonCode }]);
  },
  resubmit: ({ registration: r, payload, today }) =>
    checkSubmittable(r, payload.duplicates, payload.confirmedNewModel) ??
    pass([
      { type: 'snapshot_unit', unitId: r.subjectUnitId, asOf: today },
      { type: 'queue_for_review', subjectUnitId: r.subjectUnitId },
    ]),
  withdraw: () => pass([{ type: 'cancel_reminders', reportKind: 'all' }]),
  attach_report: ({ registration: r, payload, today }) => {
    const { report } = payload;
    if (r.reports.some((x) => x.kind === report.kind && x.period === report.period)) {
      return deny('report-duplicate', { kind: report.kind, period: report.period });
    }
    const late = report.dueDate !== null && today > report.dueDate;
    return pass([{ type: 'create_report', report, late }, { type: 'cancel_reminders', reportKind: report.kind }], late ? ['warn-late-report'] : []);
  },
  open_evaluation: ({ registration: r, payload, isSystem }) => {
    // The system may open it only when the round is open *and* the final report exists.
    const hasFinal = r.reports.some((x) => x.kind === 'tong_ket_nam' || x.kind === 'bao_cao_thanh_tich');
    if (isSystem && !(payload.evaluationRoundOpen && hasFinal)) return deny('evaluation-not-ready');
    return pass();
  },
  request_info: ({ payload }) =>
    blank(payload.comment) ? deny('comment-required') : pass([{ type: 'record_comment', event: 'request_info', comment: payload.comment.trim() }]),
  record_evaluation: ({ payload }) => pass([{ type: 'create_evaluation', evaluation: payload.evaluation }]),
  recognize: ({ registration: r, payload: p, today, grant, isAdmin, scope }) => {
    const missing = (['decisionNo', 'decisionDate', 'issuerUnitId', 'tierCode'] as const).filter((k) => blank(p[k]));
    if (missing.length > 0) return deny('decision-required', { missing: missing.join(', ') });
    const decisionDate = p.decisionDate!;
    if (decisionDate > today) return deny('decision-date-in-future', { decisionDate, today });
    const tierDenial = scope.checkRecognitionTier({ grant, isAdmin, tierCode: p.tierCode!, decisionDate });
    if (tierDenial) return tierDenial;
    if (!isAdmin && grant && scope.unitWithinScope(p.issuerUnitId!, grant.scopeUnitId, today) === false) {
      return deny('issuer-out-of-scope', { issuer: p.issuerUnitId! });
    }
    const decisionNo = checkDecisionNumber(p.decisionNo!);
    const effects: SideEffect[] = [
      {
        type: 'create_recognition',
        tierCode: p.tierCode!,
        issuerUnitId: p.issuerUnitId!,
        decisionNo: decisionNo.normalized,
        decisionDate,
        year: r.year,
        titleAsRecognized: p.titleAsRecognized ?? r.title,
      },
      ...(p.award ? [{ type: 'create_award', award: p.award, issuerUnitId: p.issuerUnitId!, decisionNo: decisionNo.normalized, date: decisionDate } as const] : []),
      { type: 'offer_announcement_draft', kind: 'recognition' },
      { type: 'cancel_reminders', reportKind: 'all' },
    ];
    return pass(effects, decisionNo.ok ? [] : [decisionNo.warningKey]);
  },
  decline: ({ payload }) => (blank(payload.reason) ? deny('reason-required') : pass([{ type: 'cancel_reminders', reportKind: 'all' }])),
  nominate_up: ({ registration: r, payload, today, scope }) => {
    const from = pickRecognition(r, payload.fromRecognitionId);
    if (!from) return deny('recognition-missing');
    const denial = scope.checkNominationTarget(from.tierCode, payload.toTierCode, today);
    if (denial) return denial;
    return pass([{ type: 'create_nomination', fromRecognitionId: from.id, toTierCode: payload.toTierCode, toIssuerUnitId: payload.toIssuerUnitId }]);
  },
  revoke: ({ registration: r, payload }) => {
    if (blank(payload.reason) || blank(payload.decisionRef)) return deny('reason-required');
    const recognition = pickRecognition(r, payload.recognitionId);
    if (!recognition) return deny('recognition-missing');
    return pass([{ type: 'revoke_recognition', recognitionId: recognition.id, reason: payload.reason.trim(), decisionRef: payload.decisionRef.trim() }]);
  },
  admin_correct: ({ registration: r, payload }) => {
    if (!(REGISTRATION_STATUSES as readonly string[]).includes(payload.toStatus) || payload.toStatus === r.status) {
      return deny('admin-correct-target', { toStatus: payload.toStatus });
    }
    return blank(payload.reason) ? deny('reason-required') : pass();
  },
};
