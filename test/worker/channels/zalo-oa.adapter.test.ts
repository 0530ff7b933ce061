import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../bot/core/clock.js';
import { ZaloOaAdapter, type ZaloOaAdapterOptions } from '../../../worker/channels/zalo-oa.adapter.js';
import { RedisZaloOaInteractionLog } from '../../../worker/channels/zalo-oa-interactions.js';
import { MemoryZaloOaTokenRepository, ZaloOaTokenManager } from '../../../worker/channels/zalo-oa-token.js';
import { RedisSentPartsLog } from '../../../worker/outbound/sent-parts.js';
import { FakeZaloOa } from '../../fakes/zalo-oa.fake.js';
import { redisFixture } from './redis.fixture.js';
import { redisAvailable, testRedisUrl } from '../../helpers/test-redis.js';

let fx: Awaited<ReturnType<typeof redisFixture>>;
let fake: FakeZaloOa;
const user = '8563847912345678901';
const to = { channel: 'zalo-oa' as const, userId: `zalo-oa:${user}`, chatId: `zalo-oa:${user}` };
const clock = manualClock('2026-11-23T10:00:00Z');
let n = 0;
const key = (): string => `out-zoa-${++n}`;

function tokens(repository: MemoryZaloOaTokenRepository, initial = { accessToken: 'oa-access-0', refreshToken: 'oa-refresh-0' }): ZaloOaTokenManager {
  return new ZaloOaTokenManager({
    repository,
    redis: fx.redis,
    keyPrefix: fx.prefix,
    appId: fake.appId,
    appSecret: fake.appSecret,
    oauthRoot: fake.url,
    initial,
    clock,
  });
}

function adapter(manager: ZaloOaTokenManager, extra: Partial<ZaloOaAdapterOptions> = {}): ZaloOaAdapter {
  return new ZaloOaAdapter({
    apiRoot: fake.url,
    tokens: manager,
    interactions: new RedisZaloOaInteractionLog(fx.redis, fx.prefix),
    sentParts: new RedisSentPartsLog({ redis: fx.redis, keyPrefix: fx.prefix }),
    clock,
    ...extra,
  });
}

beforeAll(async () => {
  fx = await redisFixture();
});
afterAll(async () => fx.cleanup());
beforeEach(async () => {
  await fake?.close();
  fake = await new FakeZaloOa().start();
  await new RedisZaloOaInteractionLog(fx.redis, fx.prefix).record(user, clock.now());
});
afterAll(async () => fake.close());

describe.skipIf(!redisAvailable())('ZaloOaAdapter (needs Redis)', () => {
  it('sends a consultation message with oa.query.show buttons whose payload is the label', async () => {
    const a = adapter(tokens(new MemoryZaloOaTokenRepository()));
    const res = await a.send(to, { text: 'Chọn:', buttons: [{ label: 'Gửi kiến nghị', value: 'a' }, { label: 'Tra cứu', value: 'b' }] }, { idempotencyKey: key() });
    expect(res.platformMessageIds).toHaveLength(1);
    const call = fake.sentCs()[0]!;
    expect(call.headers.access_token).toBe('oa-access-0');
    expect(call.body).toEqual({
      recipient: { user_id: user },
      message: {
        text: 'Chọn:',
        attachment: { type: 'template', payload: { buttons: [{ title: 'Gửi kiến nghị', type: 'oa.query.show', payload: 'Gửi kiến nghị' }, { title: 'Tra cứu', type: 'oa.query.show', payload: 'Tra cứu' }] } },
      },
    });
  });

  it('records outside_window instead of sending after 48 h, unless the paid route is configured', async () => {
    clock.advance(49 * 3600_000);
    try {
      const repo = new MemoryZaloOaTokenRepository();
      await expect(adapter(tokens(repo)).send(to, { text: 'a' }, { idempotencyKey: key() })).rejects.toMatchObject({ kind: 'recipient_unreachable', reason: 'outside_window' });
      expect(fake.sentCs()).toHaveLength(0);
      await expect(adapter(tokens(repo), { outsideWindow: 'paid-consultation' }).send(to, { text: 'a' }, { idempotencyKey: key() })).resolves.toBeDefined();
      clock.advance(6 * 24 * 3600_000);
      await expect(adapter(tokens(repo), { outsideWindow: 'paid-consultation' }).send(to, { text: 'a' }, { idempotencyKey: key() })).rejects.toMatchObject({ reason: 'outside_window' });
    } finally {
      clock.set('2026-11-23T10:00:00Z');
    }
  });

  it('classifies negative codes', async () => {
    const a = adapter(tokens(new MemoryZaloOaTokenRepository()));
    const cases: [number, Record<string, unknown>][] = [
      [-32, { kind: 'rate_limited' }],
      [-230, { kind: 'recipient_unreachable', reason: 'outside_window' }],
      [-213, { kind: 'recipient_unreachable', reason: 'unfollowed' }],
      [-201, { kind: 'bad_request', description: 'Parameters are invalid' }],
      [-100, { kind: 'transient' }],
    ];
    for (const [code, expected] of cases) {
      fake.failures.push('cs', FakeZaloOa.error(code, 'Parameters are invalid'));
      await expect(a.send(to, { text: 'a' }, { idempotencyKey: key() })).rejects.toMatchObject({ ...expected, platformCode: code });
    }
  });

  it('refreshes on -216 and retries the send with the new token', async () => {
    const repo = new MemoryZaloOaTokenRepository();
    const a = adapter(tokens(repo));
    fake.expireAccessTokens();
    await expect(a.send(to, { text: 'a' }, { idempotencyKey: key() })).resolves.toMatchObject({ platformMessageIds: [expect.any(String)] });
    expect(fake.sentCs().map((c) => c.headers.access_token)).toEqual(['oa-access-0', 'oa-access-1']);
    expect(await repo.load()).toMatchObject({ accessToken: 'oa-access-1', refreshToken: 'oa-refresh-1' });
  });

  it('two workers hitting -216 at once use the refresh token exactly once', async () => {
    fake.oauthDelayMs = 150;
    const shared = new MemoryZaloOaTokenRepository(); // one store, as with PostgreSQL
    const workers = [adapter(tokens(shared)), adapter(tokens(shared)), adapter(tokens(shared))];
    await tokens(shared).current(); // seed
    fake.expireAccessTokens();
    const results = await Promise.all(workers.map((w) => w.send(to, { text: 'đồng thời' }, { idempotencyKey: key() })));
    expect(results.every((r) => r.platformMessageIds.length === 1)).toBe(true);
    expect(fake.refreshUses.get('oa-refresh-0')).toBe(1);
    expect(fake.calls.filter((c) => c.path === '/v4/oa/access_token')).toHaveLength(1);
  });

  it('fails without retry when the refresh token is spent', async () => {
    const repo = new MemoryZaloOaTokenRepository({ accessToken: 'dead', refreshToken: 'spent', accessTokenExpiresAt: null });
    const sameAsStored = tokens(repo, { accessToken: 'dead', refreshToken: 'spent' });
    await expect(adapter(sameAsStored).send(to, { text: 'a' }, { idempotencyKey: key() })).rejects.toMatchObject({ kind: 'bad_request', method: 'oauth/refresh' });
  });

  it('refreshes proactively when the token is about to expire', async () => {
    const repo = new MemoryZaloOaTokenRepository({ accessToken: 'oa-access-0', refreshToken: 'oa-refresh-0', accessTokenExpiresAt: new Date(clock.now().getTime() + 3600_000) });
    await adapter(tokens(repo)).send(to, { text: 'a' }, { idempotencyKey: key() });
    expect(fake.sentCs().map((c) => c.headers.access_token)).toEqual(['oa-access-1']);
  });
});

describe.skipIf(!redisAvailable())('ZaloOaTokenManager after re-authorisation (needs Redis)', () => {
  it('adopts new tokens from the environment when the stored refresh token is refused', async () => {
    const repo = new MemoryZaloOaTokenRepository({ accessToken: 'dead', refreshToken: 'spent', accessTokenExpiresAt: null });
    const manager = tokens(repo); // initial = oa-access-0 / oa-refresh-0, valid at the fake
    await adapter(manager).send(to, { text: 'sau khi cấp quyền lại' }, { idempotencyKey: key() });
    expect(fake.sentCs().map((c) => c.headers.access_token)).toEqual(['dead', 'oa-access-0']);
    expect(await repo.load()).toMatchObject({ accessToken: 'oa-access-0', refreshToken: 'oa-refresh-0' });
  });
});
