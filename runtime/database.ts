import type pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../prisma/generated/client.js';
import type { Prisma } from '../prisma/generated/client.js';
import { ScopedPool } from './sql/scoped-pool.js';
import type { SqlRunner } from './sql/sql-runner.js';

export type { PrismaClient };
/** A Prisma client or an interactive transaction client. */
export type Db = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

export interface DatabaseOptions {
  /** Pool size per process (default 10). */
  maxConnections?: number;
  /** Name the hot statements marked `prepare` (default true): runtime/sql/sql-runner.ts. */
  preparedStatements?: boolean;
  /**
   * With prepared statements: plan every execution for its own values (default true).
   * PostgreSQL otherwise switches a prepared statement to one generic plan after five
   * runs, chosen with the table sizes of that moment and kept until the table's
   * statistics change: the turn's "outbox rows above the floor" became a sequential
   * scan of `outbound_message` on every turn, chosen while the table was small, and a
   * run of 100,000 turns slowed to a third (bench/support/profile-turn.ts; the server
   * had autovacuum off, so nothing ever re-planned it). Parsing is still saved.
   */
  customPlans?: boolean;
}

/**
 * Prisma over node-postgres through the driver adapter (no native engine: works offline).
 *
 * We own the pool because of an adapter-pg 6.19.3 bug found by the fault suite
 * (test/faults/postgres-restart.fault.test.ts): when PostgreSQL goes away in the
 * middle of an interactive transaction, the adapter never releases that pool
 * client. Each restart leaks one slot per turn in flight (eight turns at once
 * exhaust a pool of ten: every later query waits forever), and `pool.end()` in
 * `$disconnect` waits for the leaked clients, so shutdown hangs. A client whose
 * connection ended is useless: release it ourselves, destroying it.
 */
export function createPrismaClient(databaseUrl: string, options: DatabaseOptions = {}): PrismaClient {
  const customPlans = (options.preparedStatements ?? true) && (options.customPlans ?? true);
  const pool = new ScopedPool({
    connectionString: databaseUrl,
    max: options.maxConnections ?? 10,
    preparedStatements: options.preparedStatements,
    // A startup parameter, so it costs no round trip and holds before the first statement. An
    // `options` parameter in DATABASE_URL takes precedence over this one (node-postgres merges so).
    ...(customPlans ? { options: '-c plan_cache_mode=force_custom_plan' } : {}),
  });
  // An idle client losing its server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('end', () => {
      const leased = client as pg.PoolClient;
      try {
        leased.release(new Error('connection to PostgreSQL ended'));
      } catch {
        // Already back in the pool, or released by the adapter: nothing leaked.
      }
    });
  });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  // With a pool passed in, Prisma leaves it open on $disconnect: close it too.
  const disconnect = prisma.$disconnect.bind(prisma);
  let ended: Promise<void> | null = null;
  prisma.$disconnect = async () => {
    await disconnect();
    ended ??= pool.end();
    await ended;
  };
  pools.set(prisma, pool);
  return prisma;
}

const pools = new WeakMap<PrismaClient, ScopedPool>();

/**
 * The pool under a client made by `createPrismaClient`: for hand-written SQL and for
 * transactions that the client's ORM calls join (runtime/sql/scoped-pool.ts).
 */
/**
 * Hand-written SQL for a store given a `Db`: straight on the driver when it is a
 * client from `createPrismaClient` (inside the turn's transaction when one is open on
 * this path), through the ORM's raw query otherwise (an interactive-transaction
 * client). The two type int8 columns differently (string / bigint): convert with
 * `BigInt()` or `Number()` where it matters.
 */
export function sqlOf(db: Db): SqlRunner {
  return pools.get(db as PrismaClient)?.sql ?? { rows: <Row>(query: Prisma.Sql) => db.$queryRaw<Row[]>(query) };
}

export function poolOf(prisma: PrismaClient): ScopedPool {
  const pool = pools.get(prisma);
  if (!pool) throw new Error('This Prisma client was not made by createPrismaClient (runtime/database.ts), so it has no scoped pool: create it there.');
  return pool;
}
