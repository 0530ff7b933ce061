import pg from 'pg';
import { Redis } from 'ioredis';
import type { TestProject } from 'vitest/node';
import { applyMigrations } from '../../runtime/migrate.js';
import { createLogger } from '../../runtime/logger.js';
import { startEmbeddedPostgres, type RunningEmbeddedPostgres } from '../../runtime/embedded-postgres.js';
import { TEST_PG_ADMIN_URL, TEST_REDIS_URL } from './test-services.js';

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function redisStatus(url: string): Promise<{ available: boolean; url: string; reason: string }> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2_000, enableOfflineQueue: false });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return { available: true, url, reason: '' };
  } catch (error) {
    return { available: false, url, reason: `Redis is not reachable at ${url} (${(error as Error).message}); start it or set TEST_REDIS_URL` };
  } finally {
    redis.disconnect();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * Once per run: find PostgreSQL (the local server, or an embedded one when none
 * runs), build one migrated template database that each test file clones, and
 * check Redis. Torn down at the end of the run.
 */
export default async function setup(project: TestProject) {
  let embedded: RunningEmbeddedPostgres | null = null;
  let adminUrl = TEST_PG_ADMIN_URL;
  if (!(await reachable(adminUrl))) {
    console.warn(`[tests] No PostgreSQL at ${adminUrl}: starting the embedded one (data in .data/test/pg).`);
    embedded = await startEmbeddedPostgres({ dataDir: '.data/test', logger: createLogger({ level: 'warn' }), database: 'postgres' });
    adminUrl = embedded.databaseUrl;
  }
  const template = `dvk_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"`);
  await applyMigrations(withDatabase(adminUrl, template));
  const redis = await redisStatus(TEST_REDIS_URL);
  if (!redis.available) console.warn(`[tests] Skipping the tests that need Redis: ${redis.reason}.`);

  project.provide('pgAdminUrl', adminUrl);
  project.provide('templateDatabase', template);
  project.provide('redis', redis);

  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    if (embedded) await embedded.stop();
  };
}
