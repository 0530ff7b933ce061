import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { classifyFailure, describeFailure } from '../../runtime/store-errors.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { createQueueKit, QUEUE_NAMES } from '../../runtime/queues.js';
import { createQueueInboundSink } from '../../webhooks/ingress/inbound-sink.js';
import { QueueUnavailableError } from '../../webhooks/ingress/queue-unavailable.error.js';

/**
 * Data failure (dead-letter / 200 + rejected) or store failure (retry / 503)?
 * Checked against errors the real PostgreSQL and the real drivers raise.
 */
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

async function caught(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('classifyFailure', () => {
  it('calls NUL in jsonb (22P05) and in text (22021) through Prisma a data failure, naming the SQLSTATE', async () => {
    const jsonb = await caught(() => db.prisma.$executeRaw`SELECT ${JSON.stringify({ a: 'x\u0000' })}::jsonb`);
    const text = await caught(() => db.prisma.$executeRaw`SELECT ${'x\u0000'}::text`);
    expect(classifyFailure(jsonb)).toBe('data');
    expect(classifyFailure(text)).toBe('data');
    expect(describeFailure(jsonb)).toMatch(/^22P05 /);
    expect(describeFailure(text)).toMatch(/^22021 /);
  });

  it('calls a node-postgres data error a data failure, and a lock timeout (55P03) transient', async () => {
    const a = new pg.Client({ connectionString: db.url });
    const b = new pg.Client({ connectionString: db.url });
    await Promise.all([a.connect(), b.connect()]);
    try {
      expect(classifyFailure(await caught(() => a.query("SELECT 'abc'::int")))).toBe('data');
      await a.query('BEGIN');
      await a.query('SELECT pg_advisory_xact_lock(42)');
      await b.query('BEGIN');
      await b.query("SET LOCAL lock_timeout = '50ms'");
      const timeout = await caught(() => b.query('SELECT pg_advisory_xact_lock(42)'));
      await a.query('ROLLBACK');
      await b.query('ROLLBACK');
      expect((timeout as { code?: string }).code).toBe('55P03');
      expect(classifyFailure(timeout)).toBe('transient');
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
  });

  it('calls a refused connection transient and schema / bug errors data failures', async () => {
    const refused = await caught(async () => {
      const client = new pg.Client({ host: '127.0.0.1', port: 1, connectionTimeoutMillis: 1_000 });
      await client.connect();
    });
    expect(classifyFailure(refused)).toBe('transient');
    expect(classifyFailure(z.object({ at: z.iso.datetime() }).safeParse({ at: 'x' }).error)).toBe('data');
    expect(describeFailure(z.object({ at: z.iso.datetime() }).safeParse({ at: 'x' }).error)).toMatch(/^ZodError: at: /);
    expect(classifyFailure(new TypeError('x is undefined'))).toBe('data');
    expect(classifyFailure(new Error('timeout', { cause: new TypeError('wrapped bug') }))).toBe('data');
    expect(classifyFailure(new Error('something else'))).toBe('transient');
  });
});

describe('the queue sink on the PostgreSQL backend', () => {
  it('accepts a body full of NUL and lone surrogates (cleaned), and answers QueueUnavailableError when the store is down', async () => {
    const kit = createQueueKit({ redisUrl: null, databaseUrl: db.url, prefix: 'dvk-store-errors' });
    const dead = createQueueKit({ redisUrl: null, databaseUrl: 'postgresql://postgres@127.0.0.1:1/none', prefix: 'dvk-store-errors' });
    try {
      const sink = createQueueInboundSink(kit.queue(QUEUE_NAMES.inbound));
      const event = { channel: 'telegram', eventId: '1\u0000', userId: 'telegram:1\u0000', chatId: '1', kind: 'text', text: 'a\u0000\ud800', at: new Date().toISOString() } as const;
      const { jobId } = await sink.accept(event);
      const job = await kit.queue(QUEUE_NAMES.inbound).getJob(jobId);
      expect(job?.data).toMatchObject({ eventId: '1', userId: 'telegram:1', text: 'a\ufffd' });
      const deadSink = createQueueInboundSink(dead.queue(QUEUE_NAMES.inbound), { timeoutMs: 2_000 });
      await expect(deadSink.accept(event)).rejects.toBeInstanceOf(QueueUnavailableError);
    } finally {
      await kit.close();
      await dead.close().catch(() => undefined);
    }
  });
});
