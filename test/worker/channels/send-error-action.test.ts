import { Queue, QueueEvents, Worker, type Job } from 'bullmq';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundMessage, Recipient } from '../../../bot/core/outbound-message.js';
import type { ChannelSender } from '../../../worker/outbound/channel-sender.js';
import { TelegramAdapter } from '../../../worker/channels/telegram.adapter.js';
import { ZaloBotAdapter } from '../../../worker/channels/zalo-bot.adapter.js';
import { ZaloOaAdapter } from '../../../worker/channels/zalo-oa.adapter.js';
import { RedisZaloOaInteractionLog } from '../../../worker/channels/zalo-oa-interactions.js';
import { MemoryZaloOaTokenRepository, ZaloOaTokenManager } from '../../../worker/channels/zalo-oa-token.js';
import type { UnreachableReason } from '../../../worker/outbound/errors/recipient-unreachable.error.js';
import { Pacer } from '../../../worker/outbound/pacer.js';
import { applySendError } from '../../../worker/outbound/send-error-action.js';
import { RedisSentPartsLog } from '../../../worker/outbound/sent-parts.js';
import { FakeTelegram } from '../../fakes/telegram.fake.js';
import { FakeZaloBot } from '../../fakes/zalo-bot.fake.js';
import { FakeZaloOa } from '../../fakes/zalo-oa.fake.js';
import { redisFixture } from './redis.fixture.js';
import { redisAvailable, testRedisUrl } from '../../helpers/test-redis.js';

/**
 * Each error class, end to end through a real BullMQ queue and worker on Redis,
 * shows the queue action taken: delayed without an attempt, failed at once with
 * the recipient marked, failed at once, retried with backoff, refreshed.
 */
let fx: Awaited<ReturnType<typeof redisFixture>>;
let tg: FakeTelegram;
let zb: FakeZaloBot;
let oa: FakeZaloOa;
let queue: Queue;
let events: QueueEvents;
let worker: Worker;
const marked: { recipient: Recipient; reason: UnreachableReason }[] = [];
const logger = pino({ level: 'silent' });

interface SendJob {
  to: Recipient;
  message: OutboundMessage;
}

beforeAll(async () => {
  fx = await redisFixture();
  [tg, zb, oa] = await Promise.all([new FakeTelegram().start(), new FakeZaloBot().start(), new FakeZaloOa().start()]);
  const sentParts = new RedisSentPartsLog({ redis: fx.redis, keyPrefix: fx.prefix });
  const pacer = new Pacer({ redis: fx.redis, keyPrefix: fx.prefix, perChatIntervalMs: 1 });
  const interactions = new RedisZaloOaInteractionLog(fx.redis, fx.prefix);
  await interactions.record('8563847912345678901', new Date());
  const senders: Record<string, ChannelSender> = {
    telegram: new TelegramAdapter({ token: tg.token, apiRoot: tg.url, sentParts, pacer, maxInlineRetryAfterSeconds: 0 }),
    'zalo-bot': new ZaloBotAdapter({ token: zb.token, apiRoot: zb.url, sentParts, pacer }),
    'zalo-oa': new ZaloOaAdapter({
      apiRoot: oa.url,
      interactions,
      sentParts,
      pacer,
      tokens: new ZaloOaTokenManager({ repository: new MemoryZaloOaTokenRepository(), redis: fx.redis, keyPrefix: fx.prefix, appId: oa.appId, appSecret: oa.appSecret, oauthRoot: oa.url, initial: { accessToken: 'oa-access-0', refreshToken: 'oa-refresh-0' } }),
    }),
  };
  const prefix = fx.prefix.slice(0, -1);
  // The run's Redis (TEST_REDIS_URL), not a hard-coded port.
  const redisUrl = new URL(testRedisUrl());
  const connection = { host: redisUrl.hostname, port: Number(redisUrl.port || 6379), maxRetriesPerRequest: null };
  queue = new Queue('send', { connection, prefix });
  events = new QueueEvents('send', { connection, prefix });
  await events.waitUntilReady();
  worker = new Worker<SendJob>(
    'send',
    async (job: Job<SendJob>, token?: string) => {
      try {
        return await senders[job.data.to.channel]!.send(job.data.to, job.data.message, { idempotencyKey: `out-${job.id}` });
      } catch (error) {
        return applySendError(error, {
          job,
          token,
          recipient: job.data.to,
          pacer,
          logger,
          options: { defaultRateLimitDelayMs: 300 },
          markUnreachable: async (recipient, reason) => {
            marked.push({ recipient, reason });
          },
        });
      }
    },
    { connection, prefix, concurrency: 2 },
  );
});
afterAll(async () => {
  await worker?.close();
  await events?.close();
  await queue?.obliterate({ force: true });
  await queue?.close();
  await Promise.all([tg?.close(), zb?.close(), oa?.close()]);
  await fx.cleanup();
});

const recipients: Record<string, Recipient> = {
  telegram: { channel: 'telegram', userId: 'telegram:1', chatId: 'telegram:1' },
  'zalo-bot': { channel: 'zalo-bot', userId: 'zalo-bot:ab', chatId: 'zalo-bot:ab' },
  'zalo-oa': { channel: 'zalo-oa', userId: 'zalo-oa:8563847912345678901', chatId: 'zalo-oa:8563847912345678901' },
};

async function run(channel: string, id: string): Promise<Job> {
  const job = await queue.add('send', { to: recipients[channel]!, message: { text: `tin ${id}` } }, { jobId: id, attempts: 3, backoff: { type: 'exponential', delay: 100 } });
  await job.waitUntilFinished(events, 15_000).catch(() => undefined);
  return (await queue.getJob(job.id!))!;
}

describe.skipIf(!redisAvailable())('error taxonomy → queue action (needs Redis)', () => {
  it('rate_limited: delayed and retried without burning an attempt (Zalo Bot 429, no hint)', async () => {
    zb.failures.push('sendMessage', FakeZaloBot.quotaExceeded());
    const job = await run('zalo-bot', 'rl-1');
    expect(await job.getState()).toBe('completed');
    expect(job.attemptsMade).toBe(1);
    expect(zb.sent('sendMessage')).toHaveLength(2);
  });

  it('rate_limited: Telegram retry_after is honoured', async () => {
    tg.failures.push('sendMessage', FakeTelegram.tooManyRequests(1));
    const started = Date.now();
    const job = await run('telegram', 'rl-2');
    expect(await job.getState()).toBe('completed');
    expect(job.attemptsMade).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('recipient_unreachable: marked, failed at once, no retry (Telegram 403 blocked)', async () => {
    tg.failures.push('sendMessage', FakeTelegram.blocked());
    const job = await run('telegram', 'ur-1');
    expect(await job.getState()).toBe('failed');
    expect(job.attemptsMade).toBe(1);
    expect(marked).toContainEqual({ recipient: recipients.telegram, reason: 'blocked' });
  });

  it('recipient_unreachable: Zalo OA -230 is outside_window', async () => {
    oa.failures.push('cs', FakeZaloOa.error(-230, 'User has not interacted with the OA in the last 7 days'));
    const job = await run('zalo-oa', 'ur-2');
    expect(await job.getState()).toBe('failed');
    expect(marked.at(-1)).toEqual({ recipient: recipients['zalo-oa'], reason: 'outside_window' });
  });

  it('bad_request: failed at once with the platform description', async () => {
    oa.failures.push('cs', FakeZaloOa.error(-201, 'Parameters are invalid: message'));
    const job = await run('zalo-oa', 'br-1');
    expect(await job.getState()).toBe('failed');
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toContain('Parameters are invalid: message');
  });

  it('transient: retried with backoff, then sent once', async () => {
    tg.failures.push('sendMessage', FakeTelegram.serverError());
    const before = tg.sent('sendMessage').length;
    const job = await run('telegram', 'tr-1');
    expect(await job.getState()).toBe('completed');
    expect(job.attemptsMade).toBe(2);
    expect(tg.sent('sendMessage').length - before).toBe(2);
  });

  it('auth_expired: the OA token is refreshed and the send succeeds', async () => {
    oa.expireAccessTokens();
    const job = await run('zalo-oa', 'ae-1');
    expect(await job.getState()).toBe('completed');
    expect(oa.refreshUses.get('oa-refresh-0')).toBe(1);
  });
});
