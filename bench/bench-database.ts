import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { applyMigrations } from '../runtime/migrate.js';

/** The PostgreSQL the benches use (the tests' local server by default). */
export const BENCH_ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

function dbUrl(name: string): string {
  const url = new URL(BENCH_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs `fn` against a fresh migrated database, dropped afterwards. */
export async function withBenchDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const name = `dvk_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: BENCH_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  try {
    await applyMigrations(dbUrl(name));
    return await fn(dbUrl(name));
  } finally {
    // Let closing pools finish before the drop, so it does not cut live connections.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`).catch(() => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    await admin.end();
  }
}
