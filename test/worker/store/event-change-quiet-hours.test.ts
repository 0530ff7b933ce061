import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatIdentity } from '../../../bot/core/identity.js';
import { manualClock } from '../../../bot/core/clock.js';
import { parseQuietHours } from '../../../bot/domain/quiet-hours.js';
import { createTranslator } from '../../../bot/i18n/translator.js';
import { runSeed } from '../../../prisma/seed/seed.js';
import { createLogger } from '../../../runtime/logger.js';
import { LOCALES_DIR } from '../../../runtime/start-application.js';
import { createReminderSweeper } from '../../../worker/reminders/reminder-sweeper.js';
import { createStaffRemindersApi } from '../../../worker/reminders/staff-reminders.store.js';
import { createEventChangeApi } from '../../../worker/store/event-changes.store.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.js';

/**
 * Quiet hours (21:00–07:00) hold an event change notice made late in the evening until
 * 07:00, and reminder previews show the times the sweeper will really use.
 */
const quietHours = parseQuietHours('21:00-07:00');
const broadcaster: ChatIdentity = { userId: 'console:quiet-broadcaster', role: 'broadcaster', unitId: 'hn-p-cuanam', locale: 'vi', displayName: null };
const RESIDENT = 'console:quiet-resident';
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await runSeed(db.prisma);
  await db.prisma.chatUser.create({ data: { id: broadcaster.userId, channel: 'console', platformUserId: 'quiet-broadcaster', chatId: 'quiet-broadcaster', role: 'broadcaster', unitId: 'hn-p-cuanam' } });
  await db.prisma.chatUser.create({ data: { id: RESIDENT, channel: 'console', platformUserId: 'quiet-resident', chatId: 'quiet-resident' } });
  await db.prisma.subscriber.create({ data: { userId: RESIDENT, unitsOfInterest: ['hn-p-cuanam'], topics: ['events'], optedInAt: new Date('2026-05-01T00:00:00Z') } });
}, 60_000);
afterAll(async () => {
  await db?.drop();
});

describe('quiet hours for change notices and reminder previews', () => {
  it('a notice made at 22:30 is held, released by the sweeper at 07:00 (once), not before', async () => {
    const clock = manualClock('2026-11-30T22:30:00+07:00');
    const events = createEventChangeApi(db.prisma, { quietHours });
    const found = await events.find(broadcaster, { types: null, place: 'phường Cửa Nam' }, clock.now());
    expect(found.ok).toBe(true);
    const event = found.ok ? found.events[0]! : null;
    const changed = await events.postpone(broadcaster, event!.id, '2026-12-20', () => ({ text: 'Ngày hội dời sang 20/12.' }), clock.now());
    expect(changed.ok && changed.notified).toBeGreaterThan(0);

    const notice = () => db.prisma.outboundMessage.findFirstOrThrow({ where: { userId: RESIDENT, text: 'Ngày hội dời sang 20/12.' } });
    expect((await notice()).status).toBe('held');
    const firing = await db.prisma.reminderFiring.findFirstOrThrow({ where: { kind: 'event_change', recipientId: RESIDENT } });
    expect(firing).toMatchObject({ status: 'held', fireAt: new Date('2026-12-01T07:00:00+07:00') });

    const sweeper = createReminderSweeper({ prisma: db.prisma, clock, translator: createTranslator({ localesDir: LOCALES_DIR }), quietHours, logger: createLogger({ level: 'silent' }) });
    clock.set('2026-12-01T06:59:00+07:00');
    await sweeper.sweep();
    expect((await notice()).status).toBe('held');
    clock.set('2026-12-01T07:00:00+07:00');
    const [a, b] = await Promise.all([sweeper.sweep(), sweeper.sweep()]);
    expect(a.outboundIds.filter((id) => id === firing.outboundId).length + b.outboundIds.filter((id) => id === firing.outboundId).length).toBe(1);
    expect((await notice()).status).toBe('pending');
  });

  it('a notice made in the afternoon goes out at once', async () => {
    const now = new Date('2026-12-01T15:00:00+07:00');
    const events = createEventChangeApi(db.prisma, { quietHours });
    const found = await events.find(broadcaster, { types: null, place: 'phường Cửa Nam' }, now);
    const event = found.ok ? found.events[0]! : null;
    await events.postpone(broadcaster, event!.id, '2026-12-27', () => ({ text: 'Ngày hội dời sang 27/12.' }), now);
    expect((await db.prisma.outboundMessage.findFirstOrThrow({ where: { userId: RESIDENT, text: 'Ngày hội dời sang 27/12.' } })).status).toBe('pending');
  });

  it('a reminder preview moves a moment inside quiet hours to the window end, as the sweeper will', async () => {
    const reminders = createStaffRemindersApi(db.prisma, { quietHours: parseQuietHours('06:00-09:00') });
    const preview = await reminders.previewReportRule(broadcaster, { reportKind: 'so_ket_6_thang', dueDate: '2027-06-15' }, new Date('2027-05-01T10:00:00+07:00'));
    expect(preview.ok).toBe(true);
    // Report reminders are due at 08:00; with quiet hours until 09:00 they are shown at 09:00.
    expect(preview.ok && preview.moments.map((m) => m.toISOString())).toContain(new Date('2027-06-15T09:00:00+07:00').toISOString());
  });
});
