import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../bot/core/clock.js';
import { parseQuietHours } from '../../../bot/domain/quiet-hours.js';
import { createTranslator } from '../../../bot/i18n/translator.js';
import { demoCalendarLoader } from '../../../prisma/seed/loaders/demo-calendar.loader.js';
import { eventsLoader } from '../../../prisma/seed/loaders/events.loader.js';
import { runSeed } from '../../../prisma/seed/seed.js';
import { createLogger } from '../../../runtime/logger.js';
import { LOCALES_DIR } from '../../../runtime/start-application.js';
import { createReminderSweeper } from '../../../worker/reminders/reminder-sweeper.js';
import { createReminderActionsApi } from '../../../worker/reminders/reminder-actions.store.js';
import { loadCadreActor } from '../../../worker/store/cadre.repository.js';
import { createRegistrationWorkflow } from '../../../worker/store/registration-workflow.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.js';
import { insertRegistration, seedDomainBasics } from '../store/store-fixtures.js';

const CADRE = 'console:demo-cadre-cuanam';
const REVIEWER = 'console:demo-reviewer-cuanam';
const RESIDENT = 'console:reminder-resident';

/**
 * Every reminder kind of domain §2.5 fires at its local time (Asia/Ho_Chi_Minh, quiet
 * hours 21:00–07:00) exactly once, whether the sweeper runs twice, two run at once, or
 * the worker restarts (a new sweeper on the same database). A fixed clock drives it.
 */
describe('reminder sweeper (PostgreSQL)', () => {
  let db: TestDatabase;
  const clock = manualClock('2026-01-01T00:00:00Z');
  const translator = createTranslator({ localesDir: LOCALES_DIR });
  const newSweeper = () =>
    createReminderSweeper({ prisma: db.prisma, clock, translator, quietHours: parseQuietHours('21:00-07:00'), logger: createLogger({ level: 'silent' }) });

  /** Messages a user received, oldest first. */
  const inbox = async (userId: string) => (await db.prisma.outboundMessage.findMany({ where: { userId }, orderBy: { id: 'asc' } })).map((m) => m.text);
  const firings = (kind: string) => db.prisma.reminderFiring.findMany({ where: { kind }, orderBy: { id: 'asc' } });

  /** Sweeps at a local time ("2026-06-08 08:00"), twice in a row and once more as a restarted worker. */
  async function sweepAt(local: string): Promise<number> {
    clock.set(`${local.replace(' ', 'T')}:00+07:00`);
    const first = newSweeper();
    const [a, b] = await Promise.all([first.sweep(), newSweeper().sweep()]);
    const again = await first.sweep();
    const restarted = await newSweeper().sweep();
    expect(again.sent + restarted.sent).toBe(0);
    return a.sent + b.sent;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDomainBasics(db.prisma);
    await runSeed(db.prisma, { loaders: [demoCalendarLoader, eventsLoader] });
    await db.prisma.chatUser.create({ data: { id: RESIDENT, channel: 'console', platformUserId: 'reminder-resident', chatId: 'reminder-resident' } });
    await db.prisma.subscriber.create({
      data: { userId: RESIDENT, unitsOfInterest: ['hn-p-cuanam'], topics: ['events'], optedInAt: new Date('2026-01-01T00:00:00Z') },
    });
  }, 60_000);
  afterAll(async () => {
    await db?.drop();
  });

  it('registration deadline: T-14, T-7, T-1 at 08:00 to units that registered nothing', async () => {
    // Demo calendar: registration closes 31/03/2026.
    expect(await sweepAt('2026-03-17 07:59')).toBe(0);
    expect(await sweepAt('2026-03-17 08:00')).toBe(1);
    expect(await sweepAt('2026-03-24 08:00')).toBe(1);
    expect(await sweepAt('2026-03-30 08:00')).toBe(1);
    expect((await firings('registration_deadline')).map((f) => f.occurrence)).toEqual(['2026:2026-03-31@-14', '2026:2026-03-31@-7', '2026:2026-03-31@-1']);
    expect((await inbox(CADRE)).at(-1)).toContain('31/03/2026 (còn 1 ngày)');
  });

  it('report due: T-7, T-3 at 08:00 with "Nộp báo cáo ngay"; filing the report cancels T-1 and the day', async () => {
    const id = await insertRegistration(db.prisma, 'accepted');
    expect(await sweepAt('2026-06-08 07:59')).toBe(0);
    expect(await sweepAt('2026-06-08 08:00')).toBe(1);
    const reminder = await db.prisma.outboundMessage.findFirstOrThrow({ where: { userId: CADRE }, orderBy: { id: 'desc' } });
    expect(reminder.text).toMatch(/cần nộp BÁO CÁO sơ kết 6 tháng trước 15\/06\/2026 \(còn 7 ngày\)/);
    expect(reminder.buttons).toEqual([
      { label: 'Nộp báo cáo ngay', value: `rp:pick:${id}:so_ket_6_thang` },
      { label: 'Nhắc lại ngày mai', value: `rm:snooze:${id}:so_ket_6_thang` },
    ]);
    // On Zalo Bot the cadre answers "1": the idle conversation now offers the reminder's buttons.
    expect((await db.prisma.conversationState.findUniqueOrThrow({ where: { userId: CADRE } })).lastButtons).toEqual(reminder.buttons);

    // "Nhắc lại ngày mai" (pressed twice): one more reminder at 08:00 the next day.
    clock.set('2026-06-08T09:00:00+07:00');
    const cadre = { userId: CADRE, role: 'cadre', unitId: 'hn-p-cuanam', locale: 'vi', displayName: null } as const;
    const actions = createReminderActionsApi(db.prisma);
    expect(await actions.snoozeReport(cadre, id, 'so_ket_6_thang', clock.now())).toEqual({ ok: true, at: new Date('2026-06-09T08:00:00+07:00') });
    await actions.snoozeReport(cadre, id, 'so_ket_6_thang', clock.now());
    expect(await sweepAt('2026-06-09 07:59')).toBe(0);
    expect(await sweepAt('2026-06-09 08:00')).toBe(1);
    expect((await inbox(CADRE)).at(-1)).toContain('(còn 6 ngày)');
    expect(await sweepAt('2026-06-12 08:00')).toBe(1);

    clock.set('2026-06-12T10:00:00+07:00');
    const workflow = createRegistrationWorkflow({ prisma: db.prisma, clock });
    const filed = await workflow.fire({
      actor: (await loadCadreActor(db.prisma, 'demo-cadre-cuanam'))!,
      channel: 'console',
      registrationId: id,
      event: 'attach_report',
      payload: { report: { kind: 'so_ket_6_thang', period: '2026-H1', dueDate: '2026-06-15', resultsText: '14 buổi thuyết minh', metrics: [], difficulties: null, proposals: null } },
    } as never);
    expect(filed.ok && filed.cancelledReminders).toBe(2);
    expect(await sweepAt('2026-06-14 08:00')).toBe(0);
    expect(await sweepAt('2026-06-15 08:00')).toBe(0);
    const rows = await db.prisma.reminderFiring.findMany({ where: { targetId: id }, orderBy: { occurrence: 'asc' } });
    expect(rows.map((r) => [r.occurrence, r.status])).toEqual([
      ['so_ket_6_thang:2026-06-15@-1', 'cancelled'],
      ['so_ket_6_thang:2026-06-15@-3', 'sent'],
      ['so_ket_6_thang:2026-06-15@-7', 'sent'],
      ['so_ket_6_thang:2026-06-15@0', 'cancelled'],
      ['so_ket_6_thang:snooze@2026-06-09', 'sent'],
    ]);
  });

  it('report due: withdrawing the registration switches off what is pending', async () => {
    const id = await insertRegistration(db.prisma, 'accepted');
    // Tổng kết due 15/09/2026: T-7 goes out, then the cadre withdraws the registration.
    await sweepAt('2026-09-08 08:00');
    expect((await db.prisma.reminderFiring.findMany({ where: { targetId: id } })).map((r) => [r.occurrence, r.status])).toEqual([['tong_ket_nam:2026-09-15@-7', 'sent']]);
    clock.set('2026-09-08T10:00:00+07:00');
    const withdrawn = await createRegistrationWorkflow({ prisma: db.prisma, clock }).fire({
      actor: (await loadCadreActor(db.prisma, 'demo-cadre-cuanam'))!, channel: 'console', registrationId: id, event: 'withdraw', payload: { onCadreRequest: false },
    } as never);
    expect(withdrawn.ok && withdrawn.cancelledReminders).toBe(3);
    for (const local of ['2026-09-12 08:00', '2026-09-14 08:00', '2026-09-15 08:00']) await sweepAt(local);
    const rows = await db.prisma.reminderFiring.findMany({ where: { targetId: id }, orderBy: { occurrence: 'asc' } });
    expect(rows.filter((r) => r.status === 'sent').map((r) => r.occurrence)).toEqual(['tong_ket_nam:2026-09-15@-7']);
    expect(rows.filter((r) => r.status === 'cancelled')).toHaveLength(3);
  });

  it('revision pending: 7 days to the cadre, 21 days to the reviewer, moved out of quiet hours', async () => {
    const id = await insertRegistration(db.prisma, 'needs_revision');
    // Returned at 22:30 local: seven days later is inside quiet hours → 07:00 the next morning.
    await db.prisma.auditLog.create({
      data: { at: new Date('2026-07-01T22:30:00+07:00'), actor: 'cadre:demo-reviewer-cuanam', action: 'registration.return', entityType: 'registration', entityId: id, channel: 'console' },
    });
    expect(await sweepAt('2026-07-08 22:30')).toBe(0);
    expect(await sweepAt('2026-07-09 07:00')).toBe(1);
    expect((await inbox(CADRE)).at(-1)).toContain('đã được trả lại để bổ sung 7 ngày nay');
    expect(await sweepAt('2026-07-23 06:59')).toBe(0);
    expect(await sweepAt('2026-07-23 07:00')).toBe(1);
    expect((await inbox(REVIEWER)).at(-1)).toContain('đã chờ bổ sung 21 ngày');
    await db.prisma.registration.update({ where: { id }, data: { status: 'withdrawn' } });
  });

  it('evaluation visit: the morning before the field visit', async () => {
    const id = await insertRegistration(db.prisma, 'under_evaluation');
    await db.prisma.evaluation.create({
      data: { id: `${id}-visit`, registrationId: id, round: '1', method: 'khao_sat_thuc_te', visitedOn: new Date('2026-10-01T00:00:00Z'), verdict: 'can_bo_sung' },
    });
    expect(await sweepAt('2026-09-30 07:59')).toBe(0);
    expect(await sweepAt('2026-09-30 08:00')).toBe(1);
    expect((await inbox(CADRE)).at(-1)).toContain('Ngày mai (01/10/2026) đoàn thẩm định đến khảo sát thực tế');
    await db.prisma.registration.update({ where: { id }, data: { status: 'withdrawn' } });
  });

  it('event: T-3 (08:00), T-1 at 18:00 and the morning of, to subscribers, each ending with how to stop', async () => {
    // Seed event e09: Ngày hội phường Cửa Nam, 06/12/2026 08:00.
    expect(await sweepAt('2026-12-03 07:59')).toBe(0);
    expect(await sweepAt('2026-12-03 08:00')).toBe(1);
    expect(await sweepAt('2026-12-05 17:59')).toBe(0);
    expect(await sweepAt('2026-12-05 18:00')).toBe(1);
    expect(await sweepAt('2026-12-06 07:00')).toBe(1);
    const texts = await inbox(RESIDENT);
    expect(texts).toHaveLength(3);
    expect(texts[0]).toMatch(/^Còn 3 ngày: Ngày hội "Dân vận khéo" phường Cửa Nam năm 2026, 08:00 ngày 06\/12\/2026/);
    expect(texts[1]).toMatch(/^Ngày mai \(06\/12\/2026\) 08:00/);
    expect(texts[2]).toMatch(/^Hôm nay 08:00/);
    for (const text of texts) expect(text).toContain('"hủy nhận tin"');
  });
});
