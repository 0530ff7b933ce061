import { inject } from 'vitest';
import type { Clock } from '../../bot/core/clock.js';
import type { Understand } from '../../bot/conversation/understanding.js';
import { loadConfig } from '../../runtime/config.js';
import { createLogger, type Logger } from '../../runtime/logger.js';
import { startApplication, type RunningApplication, type Role } from '../../runtime/start-application.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { deleteQueueKeys, testRedisUrl, uniqueQueuePrefix } from './test-redis.js';
import { createConsoleClient, type ConsoleClient } from './console-client.js';

export interface TestAppOptions {
  /** Queue store: real Redis (default when it runs) or BullMQ's PostgreSQL backend (default otherwise). */
  queue?: 'redis' | 'postgres';
  clock?: Clock;
  understand?: Understand;
  roles?: Role[];
  /** Extra environment (e.g. channel credentials pointing at fakes). */
  env?: Record<string, string>;
  /** Reuse an existing database instead of creating one. */
  database?: TestDatabase;
  /** A Redis of the test's own (fault tests stop it): implies `queue: 'redis'`, its keys are left to the server's end. */
  redisUrl?: string;
  /** Where the logs go (default: silent, or TEST_LOG_LEVEL); the personal-data test captures them. */
  logger?: Logger;
}

export interface TestApp {
  app: RunningApplication;
  db: TestDatabase;
  console: ConsoleClient;
  prefix: string;
  /** Stops the app, drops its database and queue keys. */
  stop(): Promise<void>;
}

/**
 * The whole product in-process against real stores: its own database and queue
 * prefix, HTTP on a random port, console enabled, logs silent.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = options.database ?? (await createTestDatabase());
  const prefix = uniqueQueuePrefix();
  // Where no Redis runs, the pipeline tests still run, on the PostgreSQL queue backend.
  const queue = options.redisUrl ? 'redis' : (options.queue ?? (inject('redis').available ? 'redis' : 'postgres'));
  const redisUrl = options.redisUrl ?? (queue === 'redis' ? testRedisUrl() : null);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    QUEUE_PREFIX: prefix,
    PORT: '0',
    CONSOLE_ENABLED: 'true',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const app = await startApplication({
    config,
    roles: options.roles,
    logger: options.logger ?? createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    clock: options.clock,
    understand: options.understand,
  });
  return {
    app,
    db,
    prefix,
    console: createConsoleClient(app.url ?? ''),
    async stop() {
      await app.close();
      if (queue === 'redis' && !options.redisUrl) await deleteQueueKeys(prefix);
      if (!options.database) await db.drop();
    },
  };
}
