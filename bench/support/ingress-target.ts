/**
 * One server of the ingress bench, in its own process so the load generator does
 * not share its event loop: `node --import tsx bench/support/ingress-target.ts <kind>`.
 * Prints `listening <url>` once it accepts requests. Kinds:
 * - `express`: bare express, JSON body parsed, 200 — the floor of any express app;
 * - `grammy`: grammY's `webhookCallback` on express with a no-op handler (what a
 *   grammY bot does before its own work);
 * - `express-queue`: express + one BullMQ `queue.add` per update (deterministic job id);
 * - `express-queue-autopipeline`: the same on an ioredis connection with `enableAutoPipelining`
 *   (commands issued in one tick share a write);
 * - `express-queue-batched`: the same through the project's batched enqueue (one `addBulk`
 *   per event-loop turn, webhooks/ingress/batched-enqueue.ts) — these two compare the two
 *   ways of cutting Redis round trips in the same run (`BENCH_INGRESS_VARIANTS=1`);
 * - `ours`: the project's webhooks role (`startApplication({ roles: ['webhooks'] })`).
 */
import type { AddressInfo } from 'node:net';
import express from 'express';

const kind = process.argv[2];
const SECRET = process.env.TELEGRAM_WEBHOOK_SECRET ?? 'bench_secret';
const PATH = '/webhooks/telegram';

async function listen(app: express.Express): Promise<string> {
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function start(): Promise<string> {
  if (kind === 'express') {
    const app = express();
    app.post(PATH, express.json(), (_req, res) => {
      res.json({ ok: true });
    });
    return listen(app);
  }
  if (kind === 'grammy') {
    const { Bot, webhookCallback } = await import('grammy');
    const bot = new Bot('123456:BENCH', { botInfo: { id: 123456, is_bot: true, first_name: 'Bench', username: 'bench_bot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false } as never });
    bot.use(() => undefined);
    const app = express();
    app.post(PATH, express.json(), webhookCallback(bot, 'express', { secretToken: SECRET }));
    return listen(app);
  }
  if (kind === 'express-queue') {
    const { createQueueKit, QUEUE_NAMES } = await import('../../runtime/queues.js');
    const kit = createQueueKit({ redisUrl: process.env.REDIS_URL!, databaseUrl: '', prefix: process.env.QUEUE_PREFIX! });
    const queue = kit.queue(QUEUE_NAMES.inbound);
    const app = express();
    app.post(PATH, express.json(), async (req, res) => {
      await queue.add('turn', req.body, { jobId: `tg-${(req.body as { update_id: number }).update_id}` });
      res.json({ ok: true });
    });
    return listen(app);
  }
  if (kind === 'express-queue-autopipeline') {
    const [{ Queue }, { Redis }] = await Promise.all([import('bullmq'), import('ioredis')]);
    const connection = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: 1, enableOfflineQueue: false, enableAutoPipelining: true });
    const queue = new Queue('inbound', { connection, prefix: process.env.QUEUE_PREFIX! });
    // With the offline queue off, a command before the connection is ready fails.
    await new Promise((resolve) => connection.once('ready', resolve));
    const app = express();
    app.post(PATH, express.json(), async (req, res) => {
      await queue.add('turn', req.body, { jobId: `tg-${(req.body as { update_id: number }).update_id}` });
      res.json({ ok: true });
    });
    return listen(app);
  }
  if (kind === 'express-queue-batched') {
    const { createQueueKit, QUEUE_NAMES } = await import('../../runtime/queues.js');
    const { createBatchedEnqueue } = await import('../../webhooks/ingress/batched-enqueue.js');
    const kit = createQueueKit({ redisUrl: process.env.REDIS_URL!, databaseUrl: '', prefix: process.env.QUEUE_PREFIX! });
    const enqueue = createBatchedEnqueue(kit.queue<unknown>(QUEUE_NAMES.inbound), { name: 'turn', timeoutMs: 3_000 });
    const app = express();
    app.post(PATH, express.json(), async (req, res) => {
      await enqueue(req.body, `tg-${(req.body as { update_id: number }).update_id}`);
      res.json({ ok: true });
    });
    return listen(app);
  }
  if (kind === 'ours') {
    const { loadConfig } = await import('../../runtime/config.js');
    const { startApplication } = await import('../../runtime/start-application.js');
    const app = await startApplication({ config: loadConfig(process.env), roles: ['webhooks'] });
    return app.url!;
  }
  throw new Error(`unknown ingress target "${kind}"`);
}

const url = await start();
process.stdout.write(`listening ${url}\n`);
