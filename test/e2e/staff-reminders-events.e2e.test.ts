import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../bot/core/clock.js';
import { parseQuietHours } from '../../bot/domain/quiet-hours.js';
import { createTranslator } from '../../bot/i18n/translator.js';
import { runSeed } from '../../prisma/seed/seed.js';
import { createLogger } from '../../runtime/logger.js';
import { QUEUE_NAMES } from '../../runtime/queues.js';
import { LOCALES_DIR } from '../../runtime/start-application.js';
import { createReminderSweeper } from '../../worker/reminders/reminder-sweeper.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { insertRegistration } from '../worker/store/store-fixtures.js';
import { ask, tap } from './cadre-e2e-helpers.js';

const BROADCASTER = 'demo-broadcaster-cuanam';
const REVIEWER = 'demo-reviewer-cuanam';
const CADRE = 'demo-cadre-cuanam';
const RESIDENT = 'dan-cuanam-nhac';

/**
 * Issue 11 items 3 and 4 as chat transcripts through the whole product (console → inbound
 * worker → outbox → console): a reminder rule with its recipient preview, the schedule,
 * a reminder whose button files the report (and the rest are switched off), and an event
 * postponed then cancelled with the subscribers told once and the reminders following.
 * The reminder sweeps run at fixed clock readings (the scheduler's job does the same).
 */
describe('staff reminders and event changes by chat', () => {
  let t: TestApp;
  const clock = manualClock('2026-05-20T09:00:00+07:00');
  const at = (local: string) => clock.set(`${local.replace(' ', 'T')}:00+07:00`);
  let sweep: () => Promise<number>;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    await runSeed(t.db.prisma);
    await t.console.user(BROADCASTER, { role: 'broadcaster', unitId: 'hn-p-cuanam' });
    await t.console.user(REVIEWER, { role: 'reviewer', unitId: 'hn-p-cuanam' });
    await t.console.user(CADRE, { role: 'cadre', unitId: 'hn-p-cuanam' });
    await t.console.user(RESIDENT, { role: 'resident', unitId: 'hn-p-cuanam' });
    await t.db.prisma.subscriber.create({
      data: { userId: `console:${RESIDENT}`, unitsOfInterest: ['hn-p-cuanam'], topics: ['events'], optedInAt: new Date('2026-05-01T00:00:00Z') },
    });
    const sweeper = createReminderSweeper({
      prisma: t.app.prisma, clock, translator: createTranslator({ localesDir: LOCALES_DIR }), quietHours: parseQuietHours('21:00-07:00'),
      logger: createLogger({ level: 'silent' }), outbound: t.app.queues.queue(QUEUE_NAMES.outbound),
    });
    sweep = async () => (await sweeper.sweep()).sent;
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('a broadcaster sets report reminders with a recipient preview; a reviewer may not', async () => {
    const refused = await ask(t, REVIEWER, 'nhắc các mô hình chưa nộp báo cáo sơ kết trước 15/6');
    expect(refused.text).toContain('Chỉ cán bộ phụ trách thông báo');

    const registrationId = await insertRegistration(t.db.prisma, 'accepted');
    const accepted = await t.db.prisma.registration.count({ where: { year: 2026, status: 'accepted', reports: { none: { kind: 'so_ket_6_thang' } } } });
    const preview = await ask(t, BROADCASTER, 'nhắc các mô hình chưa nộp báo cáo sơ kết trước 15/6');
    expect(preview.text).toContain(`Tạo lịch nhắc: ${accepted} hồ sơ "đã tiếp nhận" chưa có báo cáo sơ kết 6 tháng trong phạm vi Cửa Nam.`);
    expect(preview.text).toContain('Nhắc vào: 08:00 08/06/2026, 08:00 12/06/2026, 08:00 14/06/2026, 08:00 15/06/2026');
    expect(preview.buttons.map((b) => b.label)).toEqual(['Xác nhận', 'Hủy']);
    const created = await ask(t, BROADCASTER, '1');
    expect(created.text).toContain(`Đã tạo lịch nhắc nộp báo cáo sơ kết 6 tháng hạn 15/06/2026 cho ${accepted} hồ sơ`);
    const rule = await t.db.prisma.reminderRule.findFirstOrThrow({ where: { createdBy: BROADCASTER } });
    expect(rule.targetQuery).toMatchObject({ reportKind: 'so_ket_6_thang', year: 2026, underUnitId: 'hn-p-cuanam' });
    expect(await t.db.prisma.auditLog.count({ where: { entityType: 'reminder_rule', entityId: rule.id } })).toBe(1);

    at('2026-06-07 09:00');
    const schedule = await ask(t, BROADCASTER, 'lịch nhắc');
    expect(schedule.text).toContain('Lịch nhắc từ 07/06/2026 đến 13/06/2026 trong phạm vi Cửa Nam:');
    expect(schedule.text).toContain('08:00 08/06/2026 – nhắc nộp báo cáo: báo cáo sơ kết 6 tháng, hạn 15/06/2026');

    // T-7: the cadre's reminder; its button starts the report on that registration.
    at('2026-06-08 08:00');
    // (The app's own scheduled sweep may get there first: either way it is sent once.)
    await sweep();
    expect(await sweep()).toBe(0);
    const reminders = await t.console.replies(CADRE, 1);
    const mine = reminders.find((m) => m.buttons.some((b) => b.value === `rp:pick:${registrationId}:so_ket_6_thang`));
    expect(mine?.text).toMatch(/cần nộp BÁO CÁO sơ kết 6 tháng trước 15\/06\/2026 \(còn 7 ngày\)/);
    at('2026-06-08 08:00');
    const snoozed = await tap(t, CADRE, `rm:snooze:${registrationId}:so_ket_6_thang`);
    expect(snoozed.text).toBe('Được, tôi sẽ nhắc lại lúc 08:00 ngày 09/06/2026.');
    const asked = await tap(t, CADRE, `rp:pick:${registrationId}:so_ket_6_thang`);
    expect(asked.text).toContain('Kết quả nổi bật');
    await ask(t, CADRE, '14 buổi thuyết minh, 620 lượt học sinh');
    await ask(t, CADRE, 'không');
    const filed = await ask(t, CADRE, 'không');
    expect(filed.text).toContain('Các nhắc hạn còn lại đã tắt');
    const rows = await t.db.prisma.reminderFiring.findMany({ where: { targetId: registrationId }, orderBy: { occurrence: 'asc' } });
    expect(rows.map((r) => [r.occurrence, r.status])).toEqual([
      ['so_ket_6_thang:2026-06-15@-1', 'cancelled'],
      ['so_ket_6_thang:2026-06-15@-3', 'cancelled'],
      ['so_ket_6_thang:2026-06-15@-7', 'sent'],
      ['so_ket_6_thang:2026-06-15@0', 'cancelled'],
      ['so_ket_6_thang:snooze@2026-06-09', 'cancelled'],
    ]);
  });

  it('event postponed → subscribers told once, reminders moved; then cancelled → told, reminders off', async () => {
    at('2026-11-30 09:00');
    const confirm = await ask(t, BROADCASTER, 'dời ngày hội phường Cửa Nam sang 13/12');
    expect(confirm.text).toMatch(/^Dời «Ngày hội "Dân vận khéo" phường Cửa Nam năm 2026» từ 08:00 06\/12\/2026 sang 08:00 13\/12\/2026\?/);
    expect(confirm.text).toContain('Tin báo thay đổi sẽ gửi:\n[Thay đổi] Ngày hội');
    const audience = Number(/(\d+) người nhận tin sẽ được báo/.exec(confirm.text)?.[1]);
    expect(audience).toBeGreaterThanOrEqual(1);
    const done = await tap(t, BROADCASTER, 'ev:yes');
    expect(done.text).toBe(`Đã dời «Ngày hội "Dân vận khéo" phường Cửa Nam năm 2026» sang 08:00 13/12/2026. Đã báo ${audience} người nhận tin; 3 lịch nhắc đã chuyển theo ngày mới.`);
    const [notice] = await t.console.replies(RESIDENT, 1);
    expect(notice!.text).toContain('[Thay đổi] Ngày hội "Dân vận khéo" phường Cửa Nam năm 2026 dời từ 06/12/2026 sang 08:00 ngày 13/12/2026');
    expect(notice!.text).toContain('"hủy nhận tin"');
    const event = await t.db.prisma.event.findUniqueOrThrow({ where: { id: 'e09' } });
    expect(event.startsAt?.toISOString()).toBe('2026-12-13T01:00:00.000Z');
    expect(await t.db.prisma.auditLog.count({ where: { entityType: 'event', entityId: 'e09', action: 'event.postpone' } })).toBe(1);

    // The old T-3 (03/12) no longer fires; the new one (10/12) does, once.
    at('2026-12-03 08:00');
    await sweep();
    at('2026-12-10 08:00');
    await sweep();
    await sweep();
    const fired = await t.db.prisma.reminderFiring.findMany({ where: { targetId: 'e09', recipientId: `console:${RESIDENT}` }, orderBy: { id: 'asc' } });
    expect(fired.map((f) => [f.kind, f.occurrence])).toEqual([
      ['event_change', 'moved:2026-12-06>2026-12-13@2026-11-30'],
      ['event', 't-3@2026-12-13'],
    ]);
    const [reminder] = await t.console.replies(RESIDENT, 1);
    expect(reminder!.text).toContain('Còn 3 ngày: Ngày hội "Dân vận khéo" phường Cửa Nam năm 2026, 08:00 ngày 13/12/2026');

    at('2026-12-10 10:00');
    const cancel = await ask(t, BROADCASTER, 'hủy ngày hội phường Cửa Nam');
    expect(cancel.text).toContain('Hủy «Ngày hội "Dân vận khéo" phường Cửa Nam năm 2026» (08:00 13/12/2026)?');
    const cancelled = await ask(t, BROADCASTER, 'xác nhận');
    expect(cancelled.text).toBe(`Đã hủy «Ngày hội "Dân vận khéo" phường Cửa Nam năm 2026». Đã báo ${audience} người nhận tin; 2 lịch nhắc đã tắt.`);
    const [gone] = await t.console.replies(RESIDENT, 1);
    expect(gone!.text).toContain('đã hủy');
    at('2026-12-12 18:00');
    expect(await sweep()).toBe(0);
    at('2026-12-13 07:00');
    expect(await sweep()).toBe(0);
    expect(await t.db.prisma.outboundMessage.count({ where: { userId: `console:${RESIDENT}` } })).toBe(3);
  });
});
