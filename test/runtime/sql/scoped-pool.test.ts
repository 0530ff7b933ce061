import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../../../prisma/generated/client.js';
import { poolOf, sqlOf } from '../../../runtime/database.js';
import { TransactionExpiredError } from '../../../runtime/sql/transaction-expired.error.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.js';

/** A row of `recipient_status` keyed by a fresh user id. */
const status = (userId: string) => ({ userId, channel: 'telegram', reason: 'blocked', markedAt: new Date() });

describe('ScopedPool: one transaction for our SQL and the ORM', () => {
  let db: TestDatabase;
  let other: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    other = new pg.Client({ connectionString: db.url });
    await other.connect();
  });
  afterAll(async () => {
    await other?.end();
    await db?.drop();
  });

  const countElsewhere = async (userId: string) => (await other.query('SELECT count(*)::int AS n FROM recipient_status WHERE user_id = $1', [userId])).rows[0].n as number;

  it('runs ORM calls made inside it on its connection: they see its rows, others only after COMMIT', async () => {
    const pool = poolOf(db.prisma);
    const seen = await pool.transaction(async (sql) => {
      await sql.rows(Prisma.sql`INSERT INTO recipient_status (user_id, channel, reason, marked_at) VALUES ('tx:a', 'telegram', 'blocked', now())`);
      const viaOrm = await db.prisma.recipientStatus.findUnique({ where: { userId: 'tx:a' } });
      await db.prisma.recipientStatus.create({ data: status('tx:b') });
      return { viaOrm: viaOrm?.reason, elsewhere: await countElsewhere('tx:b') };
    });
    expect(seen).toEqual({ viaOrm: 'blocked', elsewhere: 0 });
    expect(await countElsewhere('tx:a')).toBe(1);
    expect(await countElsewhere('tx:b')).toBe(1);
  });

  it('rolls back our SQL and the ORM calls together when the work throws', async () => {
    const pool = poolOf(db.prisma);
    await expect(
      pool.transaction(async (sql) => {
        await db.prisma.recipientStatus.create({ data: status('tx:c') });
        await sql.rows(Prisma.sql`INSERT INTO recipient_status (user_id, channel, reason, marked_at) VALUES ('tx:d', 'telegram', 'blocked', now())`);
        throw new Error('the bot failed');
      }),
    ).rejects.toThrow('the bot failed');
    expect(await countElsewhere('tx:c')).toBe(0);
    expect(await countElsewhere('tx:d')).toBe(0);
  });

  it("turns a Prisma transaction inside it into a savepoint: its failure undoes only its own writes, and it commits only with the outer one", async () => {
    const pool = poolOf(db.prisma);
    await pool.transaction(async () => {
      await db.prisma.recipientStatus.create({ data: status('tx:e') });
      await expect(
        db.prisma.$transaction(async (inner) => {
          await inner.recipientStatus.create({ data: status('tx:f') });
          throw new Error('inner failure');
        }),
      ).rejects.toThrow('inner failure');
      await db.prisma.$transaction(async (inner) => {
        await inner.recipientStatus.create({ data: status('tx:g') });
      });
      expect(await countElsewhere('tx:g')).toBe(0);
    });
    expect([await countElsewhere('tx:e'), await countElsewhere('tx:f'), await countElsewhere('tx:g')]).toEqual([1, 0, 1]);
  });

  it('queues statements started side by side (no pg "already executing" warning)', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    try {
      const pool = poolOf(db.prisma);
      const counts = await pool.transaction(async () =>
        Promise.all(Array.from({ length: 6 }, (_, i) => db.prisma.recipientStatus.count({ where: { userId: { startsWith: `tx:${i}` } } }))),
      );
      expect(counts).toEqual([0, 0, 0, 0, 0, 0]);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => /already executing a query/.test(w))).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('lets late work started inside it run on the pool after it ended, never on the returned connection', async () => {
    const pool = poolOf(db.prisma);
    let late!: Promise<Array<{ outside: boolean }>>;
    await pool.transaction(async () => {
      late = new Promise((resolve) => setTimeout(resolve, 50)).then(() => sqlOf(db.prisma).rows<{ outside: boolean }>(Prisma.sql`SELECT now() = statement_timestamp() AS outside`));
    });
    // Another transaction takes the connection meanwhile; the late query must not land in it.
    await pool.transaction(async () => new Promise((resolve) => setTimeout(resolve, 150)));
    expect((await late)[0]?.outside).toBe(true);
  });

  it('rolls back and says so when it stays open past its time limit', async () => {
    const pool = poolOf(db.prisma);
    await expect(
      pool.transaction(
        async (sql) => {
          await sql.rows(Prisma.sql`INSERT INTO recipient_status (user_id, channel, reason, marked_at) VALUES ('tx:h', 'telegram', 'blocked', now())`);
          await new Promise((resolve) => setTimeout(resolve, 120));
          await db.prisma.recipientStatus.count();
        },
        { timeoutMs: 40 },
      ),
    ).rejects.toBeInstanceOf(TransactionExpiredError);
    expect(await countElsewhere('tx:h')).toBe(0);
  });

  it('survives its connection being cut mid-transaction: the work fails, nothing is kept, the pool goes on', async () => {
    const pool = poolOf(db.prisma);
    await expect(
      pool.transaction(async (sql) => {
        await sql.rows(Prisma.sql`INSERT INTO recipient_status (user_id, channel, reason, marked_at) VALUES ('tx:i', 'telegram', 'blocked', now())`);
        const pid = (await sql.rows<{ pid: number }>(Prisma.sql`SELECT pg_backend_pid() AS pid`))[0]!.pid;
        await other.query('SELECT pg_terminate_backend($1)', [pid]);
        await new Promise((resolve) => setTimeout(resolve, 100));
        await sql.rows(Prisma.sql`SELECT 1`);
      }),
    ).rejects.toThrow();
    expect(await countElsewhere('tx:i')).toBe(0);
    expect(await pool.transaction(async (sql) => (await sql.rows<{ one: number }>(Prisma.sql`SELECT 1 AS one`))[0]?.one)).toBe(1);
  });

  it('gives up waiting for a connection after maxWaitMs with a message that says what to change', async () => {
    const pool = poolOf(db.prisma);
    const max = pool.options.max ?? 10;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holders = Array.from({ length: max }, () => pool.transaction(() => held));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(pool.transaction(async () => 1, { maxWaitMs: 100 })).rejects.toThrow(/pool of \d+.*WORKER_CONCURRENCY/);
    release();
    await Promise.all(holders);
    // The connection that came late went back to the pool: the pool still works.
    expect(await pool.transaction(async (sql) => (await sql.rows<{ one: number }>(Prisma.sql`SELECT 1 AS one`))[0]?.one)).toBe(1);
  });
});
