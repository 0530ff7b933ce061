import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelegramAdapter } from '../../../worker/channels/telegram.adapter.js';
import { PostgresSentPartsLog } from '../../../worker/outbound/sent-parts.js';
import { FakeTelegram } from '../../fakes/telegram.fake.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.js';

/**
 * On the PostgreSQL queue backend the send-part ledger is a table: a message whose
 * second part failed is finished by ANOTHER process (a new ledger and adapter on the
 * same database, as after the first worker was killed) without resending part one.
 */
let db: TestDatabase;
let fake: FakeTelegram;
beforeAll(async () => {
  [db, fake] = await Promise.all([createTestDatabase(), new FakeTelegram().start()]);
});
afterAll(async () => {
  await fake?.close();
  await db?.drop();
});

const adapter = () => new TelegramAdapter({ token: fake.token, apiRoot: fake.url, sentParts: new PostgresSentPartsLog(db.prisma) });

describe('PostgresSentPartsLog', () => {
  it('survives the process: a retry in a new worker sends only the parts not yet acknowledged', async () => {
    const to = { channel: 'telegram' as const, userId: 'telegram:901', chatId: 'telegram:901' };
    const text = ['a'.repeat(4000), 'b'.repeat(4000)].join('\n');
    // Part 1 is acknowledged, part 2 fails (Bad Gateway), then the first "worker" is gone.
    fake.failures.push('sendMessage:901', { status: 200, body: { ok: true, result: { message_id: 41, date: 0, chat: { id: 901, type: 'private' } } } });
    fake.failures.push('sendMessage:901', FakeTelegram.serverError());
    await expect(adapter().send(to, { text }, { idempotencyKey: 'out-sp-1' })).rejects.toMatchObject({ kind: 'transient' });
    expect(await db.prisma.sentPart.findMany({ where: { idempotencyKey: 'out-sp-1' } })).toMatchObject([{ part: 0, platformMessageId: '41' }]);

    const result = await adapter().send(to, { text }, { idempotencyKey: 'out-sp-1' });
    expect(result.platformMessageIds[0]).toBe('41');
    const sentTexts = fake.sent('sendMessage').map((c) => String(c.body.text)[0]);
    // a (acknowledged), b (refused), b (retried by the second worker): never a second "a".
    expect(sentTexts).toEqual(['a', 'b', 'b']);
  });
});
