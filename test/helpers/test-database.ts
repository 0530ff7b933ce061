import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../../runtime/database.js';

export interface TestDatabase {
  name: string;
  url: string;
  prisma: PrismaClient;
  /** Drops the database (force-closing connections). Call in afterAll. */
  drop(): Promise<void>;
}

export function databaseUrl(database: string): string {
  const url = new URL(inject('pgAdminUrl'));
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A fresh, migrated PostgreSQL database for one test file, cloned from the run's
 * template (fast: no migration replay). Pass `{ empty: true }` for a database with
 * no tables (migration tests).
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `dvk_t_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  try {
    const template = options.empty ? 'template0' : inject('templateDatabase');
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        break;
      } catch (error) {
        // Another file cloning the same template at the same instant: try again.
        if (attempt >= 10 || !/being accessed by other users/.test((error as Error).message)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  } finally {
    await admin.end();
  }
  const url = databaseUrl(name);
  const prisma = createPrismaClient(url, { maxConnections: 5 });
  return {
    name,
    url,
    prisma,
    async drop() {
      await prisma.$disconnect();
      const cleanup = new pg.Client({ connectionString: inject('pgAdminUrl') });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
