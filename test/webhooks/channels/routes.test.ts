import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Queue } from 'bullmq';
import express from 'express';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { InboundEvent } from '../../../bot/core/inbound-event.js';
import { createQueueInboundSink, type InboundSink } from '../../../webhooks/ingress/inbound-sink.js';
import { createTelegramRoutes } from '../../../webhooks/channels/telegram.routes.js';
import { createZaloBotRoutes } from '../../../webhooks/channels/zalo-bot.routes.js';
import { createZaloOaRoutes } from '../../../webhooks/channels/zalo-oa.routes.js';
import { createWebhookRouter, decodeJson } from '../../../webhooks/channels/webhook-route.js';
import type { ZaloOaInteractionLog } from '../../../worker/channels/zalo-oa-interactions.js';
import { telegramPayloads, zaloBotPayloads, zaloOaPayloads } from '../../fakes/payloads.js';
import { deleteQueueKeys, testRedisUrl, uniqueQueuePrefix } from '../../helpers/test-redis.js';

/**
 * Route behaviour against the real queue sink on Redis: statuses, secrets,
 * signatures, body limits, dedupe by job id, never a 5xx for bad input.
 */
const TG_SECRET = 'tg-secret_ABC123';
const ZB_SECRET = 'zalo-bot-secret-123';
const OA_SECRET = 'oa-secret-key';

let queue: Queue<InboundEvent>;
let deadQueue: Queue<InboundEvent>;
let failSink = false;
const prefix = uniqueQueuePrefix('routes');
/** The lead's queue sink on real Redis; `failSink` routes to a queue whose Redis is down. */
const sink: InboundSink = {
  accept: (event) => createQueueInboundSink(failSink ? deadQueue : queue).accept(event),
};
async function acceptedEvents(): Promise<InboundEvent[]> {
  const jobs = await queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
  return jobs.sort((a, b) => a.timestamp - b.timestamp).map((j) => j.data);
}
const interactions: ZaloOaInteractionLog & { seen: string[] } = {
  seen: [],
  async record(user) {
    this.seen.push(user);
  },
  async lastInteractionAt() {
    return null;
  },
};
const logger = pino({ level: 'silent' });
let server: Server;
let base = '';

beforeAll(async () => {
  const producer = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  queue = new Queue('inbound', { connection: producer, prefix });
  const dead = new Redis({ port: 1, lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  dead.on('error', () => undefined);
  deadQueue = new Queue('inbound', { connection: dead, prefix });
  deadQueue.on('error', () => undefined);
  const app = express();
  app.use(createTelegramRoutes({ secret: TG_SECRET, sink, logger }));
  app.use(createZaloBotRoutes({ secret: ZB_SECRET, sink, logger }));
  app.use(createZaloOaRoutes({ appId: zaloOaPayloads.appId, oaSecretKey: OA_SECRET, sink, interactions, logger }));
  // A parser with a bug on some input: the route must still answer 200, not 500.
  app.use(
    createWebhookRouter({
      path: '/webhooks/buggy',
      channel: 'telegram',
      sink,
      logger,
      verify: (_req, raw) => decodeJson(raw),
      parse: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'id')");
      },
    }),
  );
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await queue.close();
  await deadQueue.close().catch(() => undefined);
  await deleteQueueKeys(prefix);
});
beforeEach(async () => {
  failSink = false;
  await queue.obliterate({ force: true });
});

function post(path: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
}
const tg = (body: unknown, secret = TG_SECRET) => post('/webhooks/telegram', JSON.stringify(body), { 'x-telegram-bot-api-secret-token': secret });
const zb = (body: unknown, secret = ZB_SECRET) => post('/webhooks/zalo-bot', JSON.stringify(body), { 'x-bot-api-secret-token': secret });
const oa = (raw: string, signature = zaloOaPayloads.signature(raw, OA_SECRET)) => post('/webhooks/zalo-oa', raw, { 'x-zevent-signature': signature });

describe('webhook routes', () => {
  it('accept a verified update on each channel and answer 200', async () => {
    expect((await tg(telegramPayloads.text('Xin chào'))).status).toBe(200);
    expect((await zb(zaloBotPayloads.text('Xin chào', { wrapped: true }))).status).toBe(200);
    expect((await oa(JSON.stringify(zaloOaPayloads.text('Xin chào')))).status).toBe(200);
    expect((await acceptedEvents()).map((e) => e.channel)).toEqual(['telegram', 'zalo-bot', 'zalo-oa']);
    expect(interactions.seen).toContain(zaloOaPayloads.userId);
  });

  it('answers a Telegram button press with answerCallbackQuery in the webhook reply', async () => {
    const res = await tg(telegramPayloads.callback('b', [[{ text: 'B', callback_data: 'b' }]]));
    expect(await res.json()).toMatchObject({ method: 'answerCallbackQuery', callback_query_id: expect.stringMatching(/^cbq/) });
  });

  it('enqueues nothing for 1,000 updates with wrong secrets or bad signatures', async () => {
    const statuses = new Set<number>();
    const raw = JSON.stringify(zaloOaPayloads.text('giả mạo'));
    for (let i = 0; i < 1000; i += 1) {
      const which = i % 5;
      const res =
        which === 0 ? await tg(telegramPayloads.text('x'), `wrong-${i}`)
        : which === 1 ? await post('/webhooks/telegram', JSON.stringify(telegramPayloads.text('x')))
        : which === 2 ? await zb(zaloBotPayloads.text('x'), `${ZB_SECRET}x`)
        : which === 3 ? await oa(raw, zaloOaPayloads.signature(raw, `wrong-${i}`))
        : await oa(raw.replace('giả mạo', 'giả mạo!'), zaloOaPayloads.signature(raw, OA_SECRET));
      statuses.add(res.status);
    }
    expect(await acceptedEvents()).toHaveLength(0);
    expect([...statuses].sort()).toEqual([401, 403]);
  });

  it('refuses an OA event signed for another app', async () => {
    const raw = JSON.stringify({ ...zaloOaPayloads.text('x'), app_id: '999' });
    expect((await oa(raw, zaloOaPayloads.signature(raw, OA_SECRET, '999'))).status).toBe(403);
    expect(await acceptedEvents()).toHaveLength(0);
  });

  it('answers 200 (kept as rejected, nothing queued) for authentic malformed JSON, empty bodies and non-updates', async () => {
    // Authentic (right secret) but unusable: a non-2xx would make the platform redeliver it forever.
    const cases: [string, Record<string, string>][] = [
      ['/webhooks/telegram', { 'x-telegram-bot-api-secret-token': TG_SECRET }],
      ['/webhooks/zalo-bot', { 'x-bot-api-secret-token': ZB_SECRET }],
    ];
    for (const [path, headers] of cases) {
      for (const body of ['{not json', '', '[]', '"text"', '{"hello":1}', 'null']) {
        const res = await post(path, body, headers);
        expect(res.status, `${path} ${JSON.stringify(body)}`).toBe(200);
        expect(await res.json()).toMatchObject({ ok: true, rejected: expect.stringMatching(/^(unreadable|not_an_update)$/) });
      }
    }
    expect(await acceptedEvents()).toHaveLength(0);
  });

  it('answers 4xx, never 5xx, to OA bodies whose signature cannot be checked; 200 to a signed non-event', async () => {
    for (const body of ['{not json', '']) {
      const res = await oa(body, body ? zaloOaPayloads.signature('{"timestamp":"0"}', OA_SECRET) : 'mac=00');
      expect(res.status).toBe(401);
    }
    const signedNonEvent = '{"app_id":"1234567890123456789","timestamp":"1"}';
    const res = await oa(signedNonEvent);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ rejected: 'not_an_update' });
    expect(await acceptedEvents()).toHaveLength(0);
  });

  it('answers 200 (rejected), not 500, when a parser throws on an input', async () => {
    const res = await post('/webhooks/buggy', '{"update_id":1}');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ rejected: 'not_an_update' });
    expect(await acceptedEvents()).toHaveLength(0);
  });

  it('turns unknown event names into unsupported events (200), not errors', async () => {
    expect((await zb(zaloBotPayloads.text('x', { eventName: 'message.poll.received' }))).status).toBe(200);
    expect((await oa(JSON.stringify(zaloOaPayloads.text('x', { eventName: 'user_send_hologram' })))).status).toBe(200);
    expect((await acceptedEvents()).map((e) => e.kind)).toEqual(['unsupported', 'unsupported']);
  });

  it('refuses bodies over 1 MB with 413', async () => {
    const big = JSON.stringify(telegramPayloads.text('a'.repeat(1_100_000)));
    const res = await post('/webhooks/telegram', big, { 'x-telegram-bot-api-secret-token': TG_SECRET });
    expect(res.status).toBe(413);
    expect(await acceptedEvents()).toHaveLength(0);
  });

  it('answers 503 when the queue is unreachable, so the platform retries', async () => {
    failSink = true;
    expect((await tg(telegramPayloads.text('x'))).status).toBe(503);
    expect((await zb(zaloBotPayloads.text('x'))).status).toBe(503);
  });

  it('acknowledges redeliveries once', async () => {
    const update = telegramPayloads.text('một lần', { updateId: 777_001 });
    for (let i = 0; i < 3; i += 1) expect((await tg(update)).status).toBe(200);
    expect(await acceptedEvents()).toHaveLength(1);
  });
});
