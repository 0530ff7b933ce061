import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Queue } from 'bullmq';
import express from 'express';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { InboundEvent } from '../../../bot/core/inbound-event.js';
import { createTelegramRoutes } from '../../../webhooks/channels/telegram.routes.js';
import { webhookEndpointsOf, withFastWebhooks } from '../../../webhooks/http/fast-webhooks.js';
import { createQueueInboundSink, type InboundSink } from '../../../webhooks/ingress/inbound-sink.js';
import { telegramPayloads } from '../../fakes/payloads.js';
import { deleteQueueKeys, redisAvailable, testRedisUrl, uniqueQueuePrefix } from '../../helpers/test-redis.js';

/**
 * The HTTP server answers platform webhooks without express (webhooks/http/fast-webhooks.ts).
 * Both ways — the express router and the fast path — must give the same answers
 * and enqueue the same jobs, on a real Redis queue.
 */
const SECRET = 'fast-path-secret_1';
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
    const app = express();
    app.use(router);
    app.get('/elsewhere', (_req, res) => {
      res.json({ from: 'express' });
    });
    const listeners: Record<'express' | 'fast', RequestListener> = {
      express: app,
      fast: withFastWebhooks({ endpoints: webhookEndpointsOf([router]), fallback: app, logger }),
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
  });
});
