import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Queue } from 'bullmq';
import express from 'express';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { InboundEvent } from '../../../bot/core/inbound-event.js';
import { AccountDirectory } from '../../../runtime/accounts/account-directory.js';
import type { ChannelAccount } from '../../../runtime/accounts/channel-account.js';
import { createAccountWebhookRoutes } from '../../../webhooks/channels/account-routes.js';
import { createTelegramRoutes } from '../../../webhooks/channels/telegram.routes.js';
import type { WebhookEndpoint } from '../../../webhooks/channels/webhook-route.js';
import { createEndpointMatcher, webhookEndpointsOf, withFastWebhooks } from '../../../webhooks/http/fast-webhooks.js';
import { createQueueInboundSink, type InboundSink } from '../../../webhooks/ingress/inbound-sink.js';
import { telegramPayloads } from '../../fakes/payloads.js';
import { deleteQueueKeys, redisAvailable, testRedisUrl, uniqueQueuePrefix } from '../../helpers/test-redis.js';

/**
 * The HTTP server answers platform webhooks without express (webhooks/http/fast-webhooks.ts).
 * Both ways — the express router and the fast path — must give the same answers
 * and enqueue the same jobs, on a real Redis queue.
 */
const SECRET = 'fast-path-secret_1';
const WARD_SECRET = 'ward-a-secret_1';

/** A ward's Telegram bot as the account directory holds it (no database needed). */
function telegramAccount(slug: string, status: 'active' | 'disabled', webhookSecret: string): ChannelAccount {
  return {
    id: `telegram:${slug}`,
    kind: 'telegram',
    channel: 'telegram',
    slug,
    unitId: `unit-${slug}`,
    displayName: slug,
    status,
    username: null,
    source: 'db',
    stamp: 1,
    secrets: () => ({ channel: 'telegram', secrets: { token: '777:ward-token', webhookSecret } }),
  };
}
const prefix = uniqueQueuePrefix('fastpath');
const logger = pino({ level: 'silent' });

describe.skipIf(!redisAvailable())('webhook answers, express router and fast path alike (needs Redis)', () => {
  let queue: Queue<InboundEvent>;
  let deadQueue: Queue<InboundEvent>;
  let failSink = false;
  const servers: Record<'express' | 'fast', { server: Server; base: string }> = {} as never;

  beforeAll(async () => {
    const producer = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    queue = new Queue('inbound', { connection: producer, prefix });
    const dead = new Redis({ port: 1, lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
    dead.on('error', () => undefined);
    deadQueue = new Queue('inbound', { connection: dead, prefix });
    deadQueue.on('error', () => undefined);
    const sink: InboundSink = { accept: (event) => createQueueInboundSink(failSink ? deadQueue : queue, { timeoutMs: 500 }).accept(event) };
    const router = createTelegramRoutes({ secret: SECRET, sink, logger });
    const directory = new AccountDirectory({ store: null, defaults: [telegramAccount('ward-a', 'active', WARD_SECRET), telegramAccount('ward-off', 'disabled', WARD_SECRET)] });
    const accountRouters = createAccountWebhookRoutes({ directory, sink, logger });
    const app = express();
    app.use(router);
    for (const accountRouter of accountRouters) app.use(accountRouter);
    app.get('/elsewhere', (_req, res) => {
      res.json({ from: 'express' });
    });
    const listeners: Record<'express' | 'fast', RequestListener> = {
      express: app,
      fast: withFastWebhooks({ endpoints: webhookEndpointsOf([router, ...accountRouters]), fallback: app, logger }),
    };
    for (const mode of ['express', 'fast'] as const) {
      const server = createServer(listeners[mode]);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      servers[mode] = { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
    }
  });
  afterAll(async () => {
    for (const { server } of Object.values(servers)) await new Promise<void>((resolve) => server.close(() => resolve()));
    await queue?.close();
    await deadQueue?.close().catch(() => undefined);
    await deleteQueueKeys(prefix);
  });
  beforeEach(async () => {
    failSink = false;
    await queue.obliterate({ force: true });
  });

  describe.each(['express', 'fast'] as const)('%s', (mode) => {
    const post = (body: string | Buffer, headers: Record<string, string> = { 'x-telegram-bot-api-secret-token': SECRET }, path = '/webhooks/telegram') =>
      fetch(`${servers[mode].base}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

    it('accepts an update once however often it comes, and answers a button in the reply', async () => {
      const update = JSON.stringify(telegramPayloads.text('Xin chào', { updateId: 4_242 }));
      const answers = await Promise.all([post(update), post(update), post(update)]);
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(await answers[0]!.json()).toEqual({ ok: true });
      const jobs = await queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
      expect(jobs.map((job) => job.id)).toEqual(['tg-4242']);
      expect(jobs[0]!.data).toMatchObject({ channel: 'telegram', kind: 'text', text: 'Xin chào' });
      const button = await post(JSON.stringify(telegramPayloads.callback('b', [[{ text: 'B', callback_data: 'b' }]])));
      expect(await button.json()).toMatchObject({ method: 'answerCallbackQuery', callback_query_id: expect.stringMatching(/^cbq/) });
    });

    it('refuses a wrong secret (401) and a body over 1 MB (413), queueing nothing', async () => {
      const wrong = await post(JSON.stringify(telegramPayloads.text('giả')), { 'x-telegram-bot-api-secret-token': 'nope' });
      expect(wrong.status).toBe(401);
      const huge = await post(Buffer.alloc(1024 * 1024 + 10, 'a'));
      expect(huge.status).toBe(413);
      expect(await queue.count()).toBe(0);
    });

    it('keeps malformed JSON with a 200, answers 503 with retry-after when the queue store is down', async () => {
      const malformed = await post('{"update_id": 1,');
      expect(malformed.status).toBe(200);
      expect(await malformed.json()).toMatchObject({ ok: true, rejected: 'unreadable' });
      failSink = true;
      const down = await post(JSON.stringify(telegramPayloads.text('Xin chào')));
      expect(down.status).toBe(503);
      expect(down.headers.get('retry-after')).toBe('5');
    });

    it('leaves every other request to express', async () => {
      const other = await fetch(`${servers[mode].base}/elsewhere`);
      expect(await other.json()).toEqual({ from: 'express' });
      const unknown = await post('{}', {}, '/webhooks/nowhere');
      expect(unknown.status).toBe(404);
    });

    it('takes a ward account\'s path: its own secret, the account stamped on the job', async () => {
      const ward = { 'x-telegram-bot-api-secret-token': WARD_SECRET };
      const update = JSON.stringify(telegramPayloads.text('Chào phường', { updateId: 77 }));
      const answers = await Promise.all([post(update, ward, '/webhooks/telegram/ward-a'), post(update, ward, '/webhooks/telegram/ward-a?x=1')]);
      expect(answers.map((r) => r.status)).toEqual([200, 200]);
      expect(await answers[0]!.json()).toEqual({ ok: true });
      const jobs = await queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
      expect(jobs).toHaveLength(1);
      expect(jobs[0]!.data).toMatchObject({ account: 'ward-a', eventId: 'ward-a.77', text: 'Chào phường' });
      // The default bot's secret does not open the ward's path, nor the ward's the default's.
      expect((await post(update, { 'x-telegram-bot-api-secret-token': SECRET }, '/webhooks/telegram/ward-a')).status).toBe(401);
      expect((await post(update, ward)).status).toBe(401);
    });

    it('answers 404 for an unknown or disabled account before reading the body, queueing nothing', async () => {
      const ward = { 'x-telegram-bot-api-secret-token': WARD_SECRET };
      const update = JSON.stringify(telegramPayloads.text('giả', { updateId: 78 }));
      for (const path of ['/webhooks/telegram/ward-x', '/webhooks/telegram/ward-off', '/webhooks/zalo-bot/ward-a', '/webhooks/telegram/ward%ZZ']) {
        const answer = await post(update, ward, path);
        expect([path, answer.status]).toEqual([path, path.includes('%ZZ') ? 400 : 404]);
      }
      const unknown = await post(update, ward, '/webhooks/telegram/ward-x');
      expect(await unknown.json()).toEqual({ ok: false, error: 'unknown or disabled account' });
      // Over 1 MB to an unknown account: refused as unknown, like the express route's gate.
      expect((await post(Buffer.alloc(1024 * 1024 + 10, 'a'), ward, '/webhooks/telegram/ward-x')).status).toBe(404);
      expect(await queue.count()).toBe(0);
    });
  });
});

describe('the fast path\'s endpoint matcher', () => {
  const endpoint = (path: string): WebhookEndpoint => ({ path, channel: 'telegram', refuse: () => undefined, handle: () => Promise.resolve({ status: 200, body: {} }) });
  const plain = endpoint('/webhooks/telegram');
  const perAccount = endpoint('/webhooks/telegram/:account');
  const other = endpoint('/webhooks/:channel/x');
  const match = createEndpointMatcher([plain, perAccount, other]);

  it('finds exact paths and per-account paths with the account decoded, leaves the rest to express', () => {
    expect(match('/webhooks/telegram')).toEqual({ endpoint: plain });
    expect(match('/webhooks/telegram/p-cua-nam')).toEqual({ endpoint: perAccount, params: { account: 'p-cua-nam' } });
    expect(match('/webhooks/telegram/ph%C6%B0%E1%BB%9Dng')).toEqual({ endpoint: perAccount, params: { account: 'phường' } });
    for (const path of ['/webhooks/telegram/', '/webhooks/telegram/a/b', '/webhooks/telegram/%E0%A4%A', '/webhooks/zalo/x', '/webhooks/telegram/x/', '/WEBHOOKS/telegram/x', '/webhooks/any/x']) {
      expect([path, match(path)]).toEqual([path, undefined]);
    }
  });
});
