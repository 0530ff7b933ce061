import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ZaloBotAdapter } from '../../../worker/channels/zalo-bot.adapter.js';
import { RedisSentPartsLog } from '../../../worker/outbound/sent-parts.js';
import { FakeZaloBot } from '../../fakes/zalo-bot.fake.js';
import { redisFixture } from './redis.fixture.js';
import { redisAvailable, testRedisUrl } from '../../helpers/test-redis.js';

let fx: Awaited<ReturnType<typeof redisFixture>>;
let fake: FakeZaloBot;
let adapter: ZaloBotAdapter;
const to = { channel: 'zalo-bot' as const, userId: 'zalo-bot:a1b2', chatId: 'zalo-bot:a1b2' };
let n = 0;
const key = (): string => `out-zb-${++n}`;

beforeAll(async () => {
  fx = await redisFixture();
  fake = await new FakeZaloBot().start();
  adapter = new ZaloBotAdapter({ token: fake.token, apiRoot: fake.url, sentParts: new RedisSentPartsLog({ redis: fx.redis, keyPrefix: fx.prefix }) });
});
afterAll(async () => {
  await fake.close();
  await fx.cleanup();
});
beforeEach(() => {
  fake.calls.length = 0;
});

describe.skipIf(!redisAvailable())('ZaloBotAdapter (needs Redis)', () => {
  it('renders buttons as numbered options in plain text', async () => {
    const res = await adapter.send(to, { text: 'Bạn cần gì?', buttons: [{ label: 'Gửi kiến nghị', value: 'a' }, { label: 'Tra cứu', value: 'b' }] }, { idempotencyKey: key() });
    expect(res.platformMessageIds[0]).toMatch(/^[0-9a-f]{20}$/);
    expect(fake.sent('sendMessage')[0]!.body).toEqual({ chat_id: 'a1b2', text: 'Bạn cần gì?\n\n1. Gửi kiến nghị\n2. Tra cứu' });
  });

  it('splits under 2000 characters', async () => {
    const res = await adapter.send(to, { text: 'Một câu. '.repeat(500) }, { idempotencyKey: key() });
    expect(res.platformMessageIds.length).toBeGreaterThan(2);
    expect(fake.sent('sendMessage').every((c) => String(c.body.text).length <= 2000)).toBe(true);
  });

  it('classifies 429 (no wait hint), 401, 403 and 400', async () => {
    fake.failures.push('sendMessage', FakeZaloBot.quotaExceeded());
    await expect(adapter.send(to, { text: 'a' }, { idempotencyKey: key() })).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: undefined });
    fake.failures.push('sendMessage', FakeZaloBot.error(403, 'Internal server error'));
    await expect(adapter.send(to, { text: 'a' }, { idempotencyKey: key() })).rejects.toMatchObject({ kind: 'transient' });
    fake.failures.push('sendMessage', FakeZaloBot.error(400, 'Bad request', 400));
    await expect(adapter.send(to, { text: 'a' }, { idempotencyKey: key() })).rejects.toMatchObject({ kind: 'bad_request', description: 'Bad request' });
    const wrong = new ZaloBotAdapter({ token: '1:wrong', apiRoot: fake.url, sentParts: new RedisSentPartsLog({ redis: fx.redis, keyPrefix: fx.prefix }) });
    await expect(wrong.send(to, { text: 'a' }, { idempotencyKey: key() })).rejects.toMatchObject({ kind: 'auth_expired' });
  });

  it('reports an unreachable API root as transient', async () => {
    const dead = new ZaloBotAdapter({ token: fake.token, apiRoot: 'http://127.0.0.1:9', sentParts: new RedisSentPartsLog({ redis: fx.redis, keyPrefix: fx.prefix }) });
    await expect(dead.send(to, { text: 'a' }, { idempotencyKey: key() })).rejects.toMatchObject({ kind: 'transient' });
  });
});
