import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../prisma/generated/client.js';

export type { PrismaClient };
/** A Prisma client or an interactive transaction client. */
export type Db = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

export interface DatabaseOptions {
  /** Pool size per process (default 10). */
  maxConnections?: number;
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
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.maxConnections ?? 10 });
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
  return prisma;
}
