import { spawn, type ChildProcess } from 'node:child_process';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeed } from '../../prisma/seed/seed.js';
import { telegramPayloads } from '../fakes/payloads.js';
import { FakeTelegram } from '../fakes/telegram.fake.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { deleteQueueKeys, redisAvailable, testRedisUrl, uniqueQueuePrefix } from '../helpers/test-redis.js';

/**
 * The scale-out shape of docs/scaling.md: two webhook processes behind a load
 * balancer and three worker processes on one Redis and one PostgreSQL. Every
 * update is delivered to BOTH webhook processes at once (a platform redelivering
 * after a timeout lands on the other node); each must be processed and answered
 * exactly once.
 */
const SECRET = 'multi_process_webhook_secret';
const UPDATES = 120;

function startRole(role: 'webhooks' | 'worker', env: Record<string, string>): Promise<{ child: ChildProcess; url: string | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--role', role], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const health = /Health:\s+(http:\/\/[^\s/]+)/.exec(output);
      if (role === 'webhooks' && health) resolve({ child, url: health[1]! });
      if (role === 'worker' && output.includes('bot started')) resolve({ child, url: null });
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`${role} exited early (${code}): ${output}`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

describe.skipIf(!redisAvailable())('two webhook processes and three workers on one Redis', () => {
  let db: TestDatabase;
  let tg: FakeTelegram;
  const prefix = uniqueQueuePrefix('scale');
  const children: ChildProcess[] = [];
  let webhookUrls: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    await runSeed(db.prisma);
    tg = await new FakeTelegram().start();
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: prefix,
      PORT: '0',
      LOG_LEVEL: 'info',
      TELEGRAM_BOT_TOKEN: tg.token,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_API_ROOT: tg.url,
      TELEGRAM_SEND_RATE: '1000',
    };
    const started = await Promise.all([
      startRole('webhooks', env),
      startRole('webhooks', env),
      startRole('worker', env),
      startRole('worker', env),
      startRole('worker', env),
    ]);
    children.push(...started.map((s) => s.child));
    webhookUrls = started.flatMap((s) => (s.url ? [s.url] : []));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(children.map(stopChild));
    await tg?.close();
    await deleteQueueKeys(prefix);
    await db?.drop();
  });

  it('answers every update exactly once although each reached both webhook processes', async () => {
    expect(webhookUrls).toHaveLength(2);
    const updates = Array.from({ length: UPDATES }, (_, i) => telegramPayloads.text('xin chào', { updateId: 9_000_000 + i, userId: 7_000_000 + i }));
    let redelivered = 0;
    // Like the platform: a 503 (the queue store slow to answer) is redelivered.
    const deliver = async (url: string, update: unknown): Promise<number> => {
      for (let attempt = 1; ; attempt += 1) {
        // A dropped connection (a keep-alive socket the server just closed) is redelivered too.
        const status = await fetch(`${url}/webhooks/telegram`, {
          method: 'POST',
          body: JSON.stringify(update),
          headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        }).then((response) => response.status, () => 0);
        if ((status !== 503 && status !== 0) || attempt === 5) return status;
        redelivered += 1;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    };
    const statuses = await Promise.all(updates.flatMap((update) => webhookUrls.map((url) => deliver(url, update))));
    expect(statuses.filter((status) => status !== 200)).toEqual([]);

    // Done means: every update's turn committed and both queues drained.
    const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
    const queues = ['inbound', 'outbound'].map((name) => new Queue(name, { connection: redis, prefix }));
    try {
      await expect
        .poll(
          async () => {
            const processed = await db.prisma.inboundEventLog.count({ where: { processedAt: { not: null } } });
            const counts = await Promise.all(queues.map((q) => q.getJobCounts('waiting', 'active', 'delayed', 'prioritized')));
            const open = counts.reduce((sum, c) => sum + Object.values(c).reduce((a, b) => a + b, 0), 0);
            return { processed, open };
          },
          { timeout: 120_000, interval: 250 },
        )
        .toEqual({ processed: UPDATES, open: 0 });
    } finally {
      await Promise.all(queues.map((q) => q.close()));
      redis.disconnect();
    }

    const perChat = new Map<string, number>();
    for (const call of tg.sent('sendMessage')) perChat.set(String(call.body.chat_id), (perChat.get(String(call.body.chat_id)) ?? 0) + 1);
    const replies = await db.prisma.outboundMessage.findMany({ select: { chatId: true, status: true } });
    const expectedPerChat = new Map<string, number>();
    for (const row of replies) {
      const chat = row.chatId.replace(/^telegram:/, '');
      expectedPerChat.set(chat, (expectedPerChat.get(chat) ?? 0) + 1);
    }
    console.log(`[scale] ${UPDATES} updates × 2 webhook processes: ${statuses.length} deliveries (${redelivered} redelivered after a 503), ${perChat.size} chats answered, ${tg.sent('sendMessage').length} messages sent for ${replies.length} outbox rows`);
    expect(replies.every((row) => row.status === 'sent')).toBe(true);
    expect(perChat.size).toBe(UPDATES);
    // Sent to each chat exactly as many times as the outbox holds replies for it: no duplicate.
    expect(perChat).toEqual(expectedPerChat);
  }, 240_000);
});
