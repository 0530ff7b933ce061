import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../bot/core/clock.js';
import { createStatusMachine, type TransitionOutcome, type TransitionRequest } from '../../../bot/domain/status-machine.js';
import type { RegistrationState } from '../../../bot/domain/registration-state.js';
import type { RegistrationEvent } from '../../../bot/domain/registration-status.js';
import { ACTORS, PAYLOADS, machine, registration, tiers, units, type ActorName } from './domain-fixtures.js';

function run(event: RegistrationEvent, actor: ActorName, reg: RegistrationState | null, payload: object = {}): TransitionOutcome {
  return machine.apply({
    event,
    actor: ACTORS[actor],
    channel: 'telegram',
    registration: reg,
    payload: { ...PAYLOADS[event], ...payload },
  } as TransitionRequest);
}
const reason = (o: TransitionOutcome) => (o.ok ? 'ok' : o.error.reason);

describe('guards', () => {
  it('T1 only for the campaign year (or next when allowed) and units valid today', () => {
    expect(reason(run('create', 'cadreCN', null, { year: 2025 }))).toBe('year-not-allowed');
    expect(reason(run('create', 'cadreCN', null, { year: 2027 }))).toBe('year-not-allowed');
    expect(reason(run('create', 'cadreCN', null, { year: 2027, allowNextYear: true }))).toBe('ok');
    expect(reason(run('create', 'adminVN', null, { subjectUnitId: 'hk-hangbo' }))).toBe('unit-not-valid-today');
    expect(reason(run('create', 'adminVN', null, { subjectUnitId: 'nowhere' }))).toBe('unit-unknown');
  });

  it('T3 validates fields, stops on duplicates until confirmed, assigns code, snapshot and late', () => {
    expect(reason(run('submit', 'cadreCN', registration('draft', { title: 'mô hình dân vận khéo' })))).toBe('fields-invalid');
    expect(reason(run('submit', 'cadreCN', registration('draft', { summary: 'ngắn' })))).toBe('fields-invalid');
    expect(reason(run('submit', 'cadreCN', registration('draft', { subjectType: 'ca_nhan' })))).toBe('fields-invalid');
    expect(reason(run('submit', 'cadreCN', registration('draft', { category: 'cong_trinh' })))).toBe('fields-invalid');
    const dup = { id: 'r0', code: 'DVK-2026-CN-009', title: 'x', subjectUnitId: 'hn-p-cuanam', year: 2026, similarity: 0.9 };
    const refused = run('submit', 'cadreCN', registration('draft'), { duplicates: [dup] });
    expect(refused.ok ? null : refused.error.args).toMatchObject({ codes: 'DVK-2026-CN-009' });
    const window = { status: 'configured', reviewingUnitId: 'hn-p-cuanam', entry: { id: 'w', reviewingUnitId: 'hn-p-cuanam', year: 2026, kind: 'registration_window', reportKind: null, startsOn: '2026-01-01', endsOn: '2026-03-31', effectiveFrom: '2026-01-01', demo: true } };
    const ok = run('submit', 'cadreCN', registration('draft'), { duplicates: [dup], confirmedNewModel: true, registrationWindow: window });
    expect(ok.ok && ok.effects.map((e) => e.type)).toEqual(['assign_code', 'snapshot_unit', 'set_late', 'queue_for_review', 'write_audit', 'confirm_to_actor']);
    expect(ok.ok && ok.effects.find((e) => e.type === 'set_late')).toEqual({ type: 'set_late', late: true });
    expect(ok.ok && ok.warnings).toEqual(['warn-late-submission']);
    const unconfigured = run('submit', 'cadreCN', registration('draft'));
    expect(unconfigured.ok && unconfigured.effects.find((e) => e.type === 'set_late')).toEqual({ type: 'set_late', late: false });
  });

  it('T4 by the system only after 30 idle days', () => {
    expect(reason(run('discard', 'system', registration('draft', { updatedAt: new Date('2026-10-23T00:00:00Z') })))).toBe('ok');
    expect(reason(run('discard', 'system', registration('draft', { updatedAt: new Date('2026-10-30T00:00:00Z') })))).toBe('draft-not-idle');
  });

  it('T6/T12 need a comment, T7 a reason code, T15 a reason, T17 reason and decision', () => {
    expect(reason(run('return', 'reviewerCN', registration('submitted'), { comment: '  ' }))).toBe('comment-required');
    expect(reason(run('request_info', 'reviewerCN', registration('under_evaluation'), { comment: '' }))).toBe('comment-required');
    expect(reason(run('reject', 'reviewerCN', registration('submitted'), { reasonCode: null }))).toBe('reject-reason-required');
    expect(reason(run('reject', 'reviewerCN', registration('submitted'), { reasonCode: 'khac' }))).toBe('reject-reason-required');
    expect(reason(run('decline', 'approverCN', registration('under_evaluation'), { reason: '' }))).toBe('reason-required');
    expect(reason(run('revoke', 'approverCN', registration('recognized'), { decisionRef: '' }))).toBe('reason-required');
  });

  it('T9: a reviewer withdraws only on the cadre request; never once under evaluation', () => {
    expect(reason(run('withdraw', 'reviewerCN', registration('accepted'), { onCadreRequest: true }))).toBe('ok');
    expect(reason(run('withdraw', 'reviewerHK', registration('accepted'), { onCadreRequest: true }))).toBe('out-of-scope');
    expect(reason(run('withdraw', 'cadreCN', registration('under_evaluation')))).toBe('withdraw-under-evaluation');
  });

  it('T10: one report per kind and period; late is flagged, reminders cancelled', () => {
    const withReport = registration('accepted', { reports: [{ kind: 'so_ket_6_thang', period: '2026-H1' }] });
    expect(reason(run('attach_report', 'cadreCN', withReport))).toBe('report-duplicate');
    const late = run('attach_report', 'cadreCN', registration('accepted'), { report: { ...PAYLOADS.attach_report.report, dueDate: '2026-06-15' } });
    expect(late.ok && late.effects.slice(0, 2)).toMatchObject([{ type: 'create_report', late: true }, { type: 'cancel_reminders', reportKind: 'so_ket_6_thang' }]);
    expect(reason(run('attach_report', 'cadreCN', registration('submitted')))).toBe('report-needs-accepted');
  });

  it('T11 by the system needs the round open and the final report', () => {
    const withFinal = registration('accepted', { reports: [{ kind: 'tong_ket_nam', period: '2026' }] });
    expect(reason(run('open_evaluation', 'system', withFinal, { evaluationRoundOpen: true }))).toBe('ok');
    expect(reason(run('open_evaluation', 'system', registration('accepted'), { evaluationRoundOpen: true }))).toBe('evaluation-not-ready');
  });

  it('T14: decision fields, own tier, retired huyen only before 2025-07-01, issuer in scope', () => {
    const ue = registration('under_evaluation');
    expect(run('recognize', 'approverCN', ue, { decisionNo: null }).ok ? '' : 'refused').toBe('refused');
    expect(reason(run('recognize', 'approverCN', ue, { decisionDate: '2026-12-01' }))).toBe('decision-date-in-future');
    expect(reason(run('recognize', 'approverCN', ue, { tierCode: 'tinh' }))).toBe('tier-not-own');
    expect(reason(run('recognize', 'approverCN', ue, { tierCode: 'nope' }))).toBe('tier-unknown');
    expect(reason(run('recognize', 'adminVN', ue, { tierCode: 'huyen', decisionDate: '2025-07-01' }))).toBe('tier-retired');
    expect(reason(run('recognize', 'adminVN', ue, { tierCode: 'huyen', decisionDate: '2022-10-16', issuerUnitId: 'org-hk-quanuy' }))).toBe('ok');
    expect(reason(run('recognize', 'approverCN', ue, { issuerUnitId: 'hn-p-hoankiem' }))).toBe('issuer-out-of-scope');
    const ok = run('recognize', 'approverCN', ue, { decisionNo: 'QD so 15', award: { form: 'giay_khen', rank: null } });
    expect(ok.ok && ok.effects.map((e) => e.type)).toEqual([
      'create_recognition', 'create_award', 'offer_announcement_draft', 'cancel_reminders', 'write_audit', 'notify_contact_cadre', 'confirm_to_actor',
    ]);
    expect(ok.ok && ok.warnings).toEqual(['warn-decision-number-format']);
  });

  it('T16: a nomination goes to a higher, active tier', () => {
    const rec = registration('recognized');
    expect(reason(run('nominate_up', 'approverCN', rec, { toTierCode: 'xa' }))).toBe('nomination-tier-not-higher');
    expect(reason(run('nominate_up', 'approverCN', rec, { toTierCode: 'khu_dan_cu' }))).toBe('nomination-tier-not-higher');
    expect(reason(run('nominate_up', 'approverCN', rec, { toTierCode: 'huyen' }))).toBe('tier-inactive');
    expect(reason(run('nominate_up', 'approverCN', registration('recognized', { recognitions: [] })))).toBe('recognition-missing');
    const ok = run('nominate_up', 'approverCN', rec, { toTierCode: 'trung_uong', toIssuerUnitId: 'vn' });
    expect(ok.ok && ok.effects[0]).toEqual({ type: 'create_nomination', fromRecognitionId: 'rec1', toTierCode: 'trung_uong', toIssuerUnitId: 'vn' });
  });

  it('T18 needs a different status and a reason', () => {
    expect(reason(run('admin_correct', 'adminVN', registration('accepted'), { toStatus: 'accepted' }))).toBe('admin-correct-target');
    expect(reason(run('admin_correct', 'adminVN', registration('accepted'), { toStatus: 'bogus' }))).toBe('admin-correct-target');
    expect(reason(run('admin_correct', 'adminVN', registration('accepted'), { toStatus: 'draft', reason: ' ' }))).toBe('reason-required');
    const ok = run('admin_correct', 'adminVN', registration('rejected'), { toStatus: 'submitted' });
    expect(ok.ok && [ok.to, ok.effects.map((e) => e.type)]).toEqual(['submitted', ['write_audit', 'notify_contact_cadre', 'confirm_to_actor']]);
  });
});

describe('scope through lineage and time', () => {
  it('staff of the successor ward handle records of the wards it absorbed', () => {
    const hangBo = registration('submitted', { subjectUnitId: 'org-hangbo-ca' });
    expect(reason(run('accept', 'reviewerHK', hangBo))).toBe('ok');
    expect(reason(run('accept', 'reviewerCN', hangBo))).toBe('out-of-scope');
    const hangTrong = registration('submitted', { subjectUnitId: 'org-hangtrong-doan' });
    expect(reason(run('accept', 'reviewerHK', hangTrong))).toBe('ok');
    expect(reason(run('accept', 'reviewerCN', hangTrong))).toBe('ok');
  });

  it('a grant outside its dates or suspended after a merger does not count', () => {
    const expired = { kind: 'cadre', cadreId: 'x', status: 'active', grants: [{ role: 'reviewer', scopeUnitId: 'hn-p-cuanam', validTo: '2026-01-01' }] } as const;
    const suspended = { kind: 'cadre', cadreId: 'y', status: 'active', grants: [{ role: 'reviewer', scopeUnitId: 'hn-p-cuanam', suspended: true }] } as const;
    for (const actor of [expired, suspended]) {
      const o = machine.apply({ event: 'accept', actor, channel: 'console', registration: registration('submitted'), payload: {} });
      expect(o.ok ? 'ok' : o.error.reason).toBe('role-not-permitted');
    }
  });

  it('a cadre of a district unit cannot create once the district is gone', () => {
    const oldCadre = { kind: 'cadre', cadreId: 'z', status: 'active', grants: [{ role: 'cadre', scopeUnitId: 'hn-q-hoankiem' }] } as const;
    const o = machine.apply({ event: 'create', actor: oldCadre, channel: 'console', registration: null, payload: PAYLOADS.create });
    expect(o.ok ? 'ok' : o.error.reason).toBe('out-of-scope');
    // Before the merger the same grant worked.
    const past = createStatusMachine({ units, tiers, clock: fixedClock('2024-05-01T03:00:00Z') });
    const create = past.apply({ event: 'create', actor: oldCadre, channel: 'console', registration: null, payload: { subjectUnitId: 'hk-hangbo', year: 2024, allowNextYear: false } });
    expect(create.ok).toBe(true);
  });
});

describe('refusals explain what is allowed now', () => {
  it('lists the allowed events and renders them through the translator', () => {
    const o = run('recognize', 'cadreCN', registration('accepted'));
    expect(o.ok).toBe(false);
    if (o.ok) return;
    expect(o.error.reason).toBe('transition-not-allowed');
    expect(o.error.allowedEvents).toEqual(['withdraw', 'attach_report']);
    expect(o.error.withAllowedLabels((k) => `<${k}>`).allowed).toBe('<event-withdraw>, <event-attach-report>');
    expect(o.error).toBeInstanceOf(Error);
    expect(o.error.name).toBe('TransitionDeniedError');
  });

  it('notifies the contact cadre only when someone else acted', () => {
    const own = run('withdraw', 'cadreCN', registration('submitted'));
    expect(own.ok && own.effects.some((e) => e.type === 'notify_contact_cadre')).toBe(false);
    const other = run('accept', 'reviewerCN', registration('submitted'));
    expect(other.ok && other.effects.find((e) => e.type === 'notify_contact_cadre')).toMatchObject({ messageKey: 'notify-accept', args: { code: 'DVK-2026-CN-017' } });
  });
});
