import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observeBroadcastProgress } from '../../runtime/broadcast-metrics.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { createReadyBroadcast } from '../worker/broadcast/broadcast-fixtures.js';
import { seedDomainBasics } from '../worker/store/store-fixtures.js';

function sample(text: string, name: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ').at(-1)) : undefined;
}

/** Broadcast progress on /metrics comes from the recipient rows in PostgreSQL, read at scrape time. */
describe('dvk_broadcast_recipients / dvk_broadcasts', () => {
  let db: TestDatabase;
  const registry = new Registry();
  const scrape = () => registry.metrics();

  async function addRecipients(broadcastId: string, states: string[]) {
    await db.prisma.broadcastRecipient.createMany({
      data: states.map((state, i) => ({
        broadcastId,
        userId: `telegram:${broadcastId}-${i}`,
        channel: 'telegram',
        chatId: `${broadcastId}-${i}`,
        channelAccount: 'telegram:default',
        audience: 'resident',
        state,
        idempotencyKey: `${broadcastId}.telegram:${broadcastId}-${i}`,
      })),
    });
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDomainBasics(db.prisma);
    observeBroadcastProgress(registry, db.prisma);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('counts recipients of broadcasts in progress by state, and broadcasts by status', async () => {
    let text = await scrape();
    expect(sample(text, 'dvk_broadcast_recipients{state="queued"}')).toBe(0);
    expect(sample(text, 'dvk_broadcasts{status="sending"}')).toBe(0);

    await createReadyBroadcast(db.prisma, 'bm-sending', { unitId: 'hn-p-cuanam', body: 'Thông báo thử' });
    await db.prisma.broadcast.update({ where: { id: 'bm-sending' }, data: { status: 'sending' } });
    await addRecipients('bm-sending', ['queued', 'queued', 'queued', 'sending', 'sent', 'sent', 'skipped', 'failed_temporary']);
    // A finished broadcast's recipients are history, not progress.
    await createReadyBroadcast(db.prisma, 'bm-done', { unitId: 'hn-p-cuanam', body: 'Thông báo cũ' });
    await db.prisma.broadcast.update({ where: { id: 'bm-done' }, data: { status: 'done' } });
    await addRecipients('bm-done', ['sent', 'sent', 'sent']);

    text = await scrape();
    expect(sample(text, 'dvk_broadcast_recipients{state="queued"}')).toBe(3);
    expect(sample(text, 'dvk_broadcast_recipients{state="sending"}')).toBe(1);
    expect(sample(text, 'dvk_broadcast_recipients{state="sent"}')).toBe(2);
    expect(sample(text, 'dvk_broadcast_recipients{state="skipped"}')).toBe(1);
    expect(sample(text, 'dvk_broadcast_recipients{state="failed_temporary"}')).toBe(1);
    expect(sample(text, 'dvk_broadcast_recipients{state="failed_permanent"}')).toBe(0);
    expect(sample(text, 'dvk_broadcasts{status="sending"}')).toBe(1);
    expect(sample(text, 'dvk_broadcasts{status="done"}')).toBe(1);

    // The fan-out moves on: the next scrape shows it.
    await db.prisma.broadcastRecipient.updateMany({ where: { broadcastId: 'bm-sending', state: { in: ['queued', 'sending'] } }, data: { state: 'sent' } });
    text = await scrape();
    expect(sample(text, 'dvk_broadcast_recipients{state="queued"}')).toBe(0);
    expect(sample(text, 'dvk_broadcast_recipients{state="sent"}')).toBe(6);
  });
});
