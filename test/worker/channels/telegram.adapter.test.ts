import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TelegramAdapter } from '../../../worker/channels/telegram.adapter.js';
import { RedisSentPartsLog } from '../../../worker/outbound/sent-parts.js';
import { FakeTelegram } from '../../fakes/telegram.fake.js';
import { redisFixture } from './redis.fixture.js';

let fx: Awaited<ReturnType<typeof redisFixture>>;
let fake: FakeTelegram;
let adapter: TelegramAdapter;
const to = { channel: 'telegram' as const, userId: 'telegram:555', chatId: 'telegram:555' };
let n = 0;
const key = (): string => `out-tg-${++n}`;

beforeAll(async () => {
  fx = await redisFixture();
  fake = await new FakeTelegram().start();
  adapter = new TelegramAdapter({ token: fake.token, apiRoot: fake.url, sentParts: new RedisSentPartsLog({ redis: fx.redis, keyPrefix: fx.prefix }), maxInlineRetryAfterSeconds: 1 });
});
afterAll(async () => {
  await fake.close();
  await fx.cleanup();
});
beforeEach(() => {
  fake.calls.length = 0;
});

describe('TelegramAdapter', () => {
  it('sends an inline keyboard on the last part; long callback values fall back to #n', async () => {
    const long = 'x'.repeat(80);
    const res = await adapter.send(to, { text: 'Chọn:', buttons: [{ label: 'Một', value: 'menu.one' }, { label: 'Hai', value: long }] }, { idempotencyKey: key() });
    expect(res.platformMessageIds).toHaveLength(1);
    const call = fake.sent('sendMessage')[0]!;
    expect(call.body.chat_id).toBe('555');
    expect(call.body.reply_markup).toEqual({ inline_keyboard: [[{ text: 'Một', callback_data: 'menu.one' }], [{ text: 'Hai', callback_data: '#2' }]] });
  });

  it('splits text over 4096 and never resends acknowledged parts on retry', async () => {
    const text = Array.from({ length: 3 }, (_, i) => `${i}`.repeat(4000)).join('\n');
    const idempotencyKey = key();
    fake.failures.push('sendMessage', FakeTelegram.serverError());
    // Part 1 fails with 502 on the first attempt → transient.
    await expect(adapter.send(to, { text }, { idempotencyKey })).rejects.toMatchObject({ kind: 'transient' });
    const res1 = await adapter.send(to, { text }, { idempotencyKey });
    expect(res1.platformMessageIds).toHaveLength(3);
    const before = fake.sent('sendMessage').length;
    const res2 = await adapter.send(to, { text }, { idempotencyKey });
    expect(fake.sent('sendMessage').length).toBe(before); // nothing sent again
    expect(res2.platformMessageIds).toEqual(res1.platformMessageIds);
  });

  it('absorbs a short retry_after in-process (auto-retry)', async () => {
    fake.failures.push('sendMessage', FakeTelegram.tooManyRequests(1));
    await expect(adapter.send(to, { text: 'sau 1 giây' }, { idempotencyKey: key() })).resolves.toMatchObject({ platformMessageIds: [expect.any(String)] });
    expect(fake.sent('sendMessage')).toHaveLength(2);
  });

  it('classifies errors into the taxonomy', async () => {
    fake.failures.push('sendMessage', FakeTelegram.tooManyRequests(30));
    await expect(adapter.send(to, { text: 'a' }, { idempotencyKey: key() })).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: 30_000, scope: 'platform' });
    fake.failures.push('sendMessage', FakeTelegram.tooManyRequests());
    await expect(adapter.send(to, { text: 'a' }, { idempotencyKey: key() })).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: undefined });
    fake.failures.push('sendMessage', FakeTelegram.blocked());
    await expect(adapter.send(to, { text: 'a' }, { idempotencyKey: key() })).rejects.toMatchObject({ kind: 'recipient_unreachable', reason: 'blocked' });
    fake.failures.push('sendMessage', FakeTelegram.badRequest('Bad Request: can\'t parse entities'));
    await expect(adapter.send(to, { text: 'a' }, { idempotencyKey: key() })).rejects.toMatchObject({ kind: 'bad_request', description: "Bad Request: can't parse entities" });
    fake.failures.push('sendMessage', FakeTelegram.badRequest('Bad Request: chat not found'));
    await expect(adapter.send(to, { text: 'a' }, { idempotencyKey: key() })).rejects.toMatchObject({ kind: 'recipient_unreachable', reason: 'not_found' });
    const wrongToken = new TelegramAdapter({ token: '1:wrong', apiRoot: fake.url, sentParts: new RedisSentPartsLog({ redis: fx.redis, keyPrefix: fx.prefix }) });
    await expect(wrongToken.send(to, { text: 'a' }, { idempotencyKey: key() })).rejects.toMatchObject({ kind: 'auth_expired' });
  });

  it('answers callback queries', async () => {
    await adapter.answerCallbackQuery('cbq1');
    expect(fake.sent('answerCallbackQuery')[0]!.body).toMatchObject({ callback_query_id: 'cbq1' });
  });
});
