import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../bot/core/clock.js';
import type { CadreActor } from '../../../bot/domain/roles.js';
import { demoCalendarLoader } from '../../../prisma/seed/loaders/demo-calendar.loader.js';
import { runSeed } from '../../../prisma/seed/seed.js';
import { loadCadreActor } from '../../../worker/store/cadre.repository.js';
import { RegistrationNotFoundError } from '../../../worker/store/registration-not-found-error.js';
import { createRegistrationWorkflow, type RegistrationWorkflow } from '../../../worker/store/registration-workflow.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.js';
import { PAYLOADS } from '../../bot/domain/domain-fixtures.js';
import { seedDomainBasics } from './store-fixtures.js';

const FIELDS = {
  title: 'Thanh niên tuyên truyền văn hóa lịch sử trên nền tảng công nghệ',
  category: 'mo_hinh',
  subjectType: 'tap_the',
  field: 'van_hoa_xa_hoi',
  summary: 'Chi đoàn dùng mã QR tại các di tích, đoàn viên thuyết minh cuối tuần cho khách và học sinh.',
} as const;

describe('a registration from draft to revoked, with its records (PostgreSQL)', () => {
  let db: TestDatabase;
  let workflow: RegistrationWorkflow;
  const clock = manualClock('2026-04-02T02:00:00Z');
  const who = {} as Record<'cadre' | 'reviewer' | 'approver', CadreActor>;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDomainBasics(db.prisma);
    await runSeed(db.prisma, { loaders: [demoCalendarLoader] });
    who.cadre = (await loadCadreActor(db.prisma, 'demo-cadre-cuanam'))!;
    who.reviewer = (await loadCadreActor(db.prisma, 'demo-reviewer-cuanam'))!;
    who.approver = (await loadCadreActor(db.prisma, 'demo-approver-cuanam'))!;
    workflow = createRegistrationWorkflow({ prisma: db.prisma, clock });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('walks the happy path and writes one audit row per transition', async () => {
    const created = await workflow.create({ actor: who.cadre, channel: 'zalo-oa', subjectUnitId: 'hn-p-cuanam', year: 2026, fields: { title: 'bản nháp' } });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const id = created.registrationId;
    const fire = (actor: CadreActor, event: Parameters<RegistrationWorkflow['fire']>[0]['event'], payload: object, changes?: object) =>
      workflow.fire({ actor, channel: 'zalo-oa', registrationId: id, event, payload: payload as never, ...(changes ? { changes } : {}) });

    const tooShort = await fire(who.cadre, 'submit', {});
    expect(tooShort.ok ? 'ok' : tooShort.error.reason).toBe('fields-invalid');
    expect((await fire(who.cadre, 'edit', PAYLOADS.edit, FIELDS)).ok).toBe(true);

    // 2026-04-02 is after the demo window (closes 31/03): sent, but late.
    const submitted = await fire(who.cadre, 'submit', {});
    expect(submitted).toMatchObject({ ok: true, code: 'DVK-2026-CN-001', to: 'submitted', warnings: ['warn-late-submission'] });
    let row = await db.prisma.registration.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ late: true, code: 'DVK-2026-CN-001', titleFolded: 'thanh nien tuyen truyen van hoa lich su tren nen tang cong nghe' });
    expect(row.unitSnapshot).toMatchObject({ unitId: 'hn-p-cuanam', label: 'Cửa Nam, Hà Nội' });

    const returned = await fire(who.reviewer, 'return', { comment: 'Bổ sung số hộ tham gia.' });
    expect(returned.ok && returned.effects).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'notify_contact_cadre', messageKey: 'notify-return' })]));
    expect(await db.prisma.registrationNote.findMany({ where: { registrationId: id } })).toMatchObject([{ event: 'return', comment: 'Bổ sung số hộ tham gia.', author: 'cadre:demo-reviewer-cuanam' }]);
    expect((await fire(who.cadre, 'resubmit', {})).ok).toBe(true);
    expect((await fire(who.reviewer, 'accept', {})).ok).toBe(true);

    clock.set('2026-06-20T02:00:00Z');
    const report = await fire(who.cadre, 'attach_report', { report: { ...PAYLOADS.attach_report.report, dueDate: '2026-06-15' } });
    expect(report.ok && report.warnings).toEqual(['warn-late-report']);
    expect(report.ok && report.effects).toEqual(expect.arrayContaining([{ type: 'cancel_reminders', reportKind: 'so_ket_6_thang' }]));
    expect(await db.prisma.reportSubmission.findMany({ where: { registrationId: id } })).toMatchObject([{ kind: 'so_ket_6_thang', period: '2026-H1', late: true }]);
    const again = await fire(who.cadre, 'attach_report', PAYLOADS.attach_report);
    expect(again.ok ? 'ok' : again.error.reason).toBe('report-duplicate');

    clock.set('2026-10-01T02:00:00Z');
    expect((await fire(who.reviewer, 'open_evaluation', PAYLOADS.open_evaluation)).ok).toBe(true);
    expect((await fire(who.reviewer, 'record_evaluation', PAYLOADS.record_evaluation)).ok).toBe(true);
    expect(await db.prisma.evaluation.count({ where: { registrationId: id } })).toBe(1);
    const withdraw = await fire(who.cadre, 'withdraw', PAYLOADS.withdraw);
    expect(withdraw.ok ? 'ok' : withdraw.error.reason).toBe('withdraw-under-evaluation');

    clock.set('2026-10-16T02:00:00Z');
    const recognised = await fire(who.approver, 'recognize', { ...PAYLOADS.recognize, decisionDate: '2026-10-15', award: { form: 'giay_khen', rank: null } });
    expect(recognised.ok && recognised.effects.map((e) => e.type)).toEqual(expect.arrayContaining(['offer_announcement_draft', 'notify_contact_cadre']));
    const recognition = await db.prisma.recognition.findFirstOrThrow({ where: { registrationId: id }, include: { awards: true } });
    expect(recognition).toMatchObject({ tierCode: 'xa', issuerUnitId: 'hn-p-cuanam', decisionNo: '15-QĐ/ĐU', status: 'approved', issuerSnapshot: { label: 'Cửa Nam, Hà Nội' } });
    expect(recognition.awards).toMatchObject([{ form: 'giay_khen', recipientUnitId: 'hn-p-cuanam' }]);

    expect((await fire(who.approver, 'nominate_up', PAYLOADS.nominate_up)).ok).toBe(true);
    expect(await db.prisma.nomination.findMany({ where: { fromRecognitionId: recognition.id } })).toMatchObject([{ toTierCode: 'tinh', outcome: 'pending', proposedBy: 'cadre:demo-approver-cuanam' }]);
    expect((await fire(who.approver, 'revoke', PAYLOADS.revoke)).ok).toBe(true);
    expect(await db.prisma.recognition.findUniqueOrThrow({ where: { id: recognition.id } })).toMatchObject({ status: 'revoked', revokedDecision: '20-QĐ/ĐU' });

    row = await db.prisma.registration.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe('revoked');
    const trail = await db.prisma.auditLog.findMany({ where: { entityId: id }, orderBy: { id: 'asc' } });
    expect(trail.map((a) => [a.action, (a.before as { status: string } | null)?.status ?? null, (a.after as { status: string }).status])).toEqual([
      ['registration.create', null, 'draft'],
      ['registration.edit', 'draft', 'draft'],
      ['registration.submit', 'draft', 'submitted'],
      ['registration.return', 'submitted', 'needs_revision'],
      ['registration.resubmit', 'needs_revision', 'submitted'],
      ['registration.accept', 'submitted', 'accepted'],
      ['registration.attach_report', 'accepted', 'accepted'],
      ['registration.open_evaluation', 'accepted', 'under_evaluation'],
      ['registration.record_evaluation', 'under_evaluation', 'under_evaluation'],
      ['registration.recognize', 'under_evaluation', 'recognized'],
      ['registration.nominate_up', 'recognized', 'recognized'],
      ['registration.revoke', 'recognized', 'revoked'],
    ]);
    expect(new Set(trail.map((a) => a.channel))).toEqual(new Set(['zalo-oa']));
  });

  it('reports a possible duplicate (same unit and year, folded title ≥ 0.85) until confirmed', async () => {
    clock.set('2026-03-01T02:00:00Z');
    const draft = await workflow.create({
      actor: who.cadre,
      channel: 'console',
      subjectUnitId: 'hn-p-cuanam',
      year: 2026,
      fields: { ...FIELDS, title: 'thanh nien tuyen truyen van hoa lich su tren nen tang cong nghe so' },
    });
    if (!draft.ok) throw draft.error;
    const refused = await workflow.fire({ actor: who.cadre, channel: 'console', registrationId: draft.registrationId, event: 'submit', payload: {} });
    expect(refused.ok ? null : [refused.error.reason, refused.error.args.codes]).toEqual(['possible-duplicate', 'DVK-2026-CN-001']);
    const confirmed = await workflow.fire({ actor: who.cadre, channel: 'console', registrationId: draft.registrationId, event: 'submit', payload: { confirmedNewModel: true } });
    expect(confirmed).toMatchObject({ ok: true, code: 'DVK-2026-CN-002', warnings: [] });
    expect((await db.prisma.registration.findUniqueOrThrow({ where: { id: draft.registrationId } })).late).toBe(false);
  });

  it('an unknown registration is a typed error', async () => {
    await expect(workflow.fire({ actor: who.cadre, channel: 'console', registrationId: 'nope', event: 'accept', payload: {} })).rejects.toBeInstanceOf(RegistrationNotFoundError);
  });
});
