import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyMigrations } from '../../../runtime/migrate.js';
import { createLogger } from '../../../runtime/logger.js';
import { createPrismaClient } from '../../../runtime/database.js';
import { startEmbeddedPostgres, type RunningEmbeddedPostgres } from '../../../runtime/embedded-postgres.js';
import type { TestDatabase } from '../../helpers/test-database.js';
import { freePort } from '../../../runtime/embedded-postgres.js';

export interface PrivatePostgres {
  /** A migrated database on this server, shaped like the other tests' databases. */
  db: TestDatabase;
  /** Fast shutdown (`pg_ctl stop -m fast`: every connection is cut), then start again on the same port and data. */
  restart(options?: { downMs?: number }): Promise<void>;
  /** Stops the server and removes its files. */
  stop(): Promise<void>;
}

/**
 * A PostgreSQL of the test's own (the embedded build, data in a temp folder,
 * a fixed port) so a fault test can restart it without harming the server every
 * other test uses.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dvk-fault-pg-'));
  const port = await freePort();
  const logger = createLogger({ level: 'warn' });
  const start = () => startEmbeddedPostgres({ dataDir, logger, database: 'dvk', port });
  // A test that times out never reaches afterAll: stop the server ("fast" shutdown) when the process exits.
  process.once('exit', () => {
    const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
    if (!existsSync(pidFile)) return;
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (Number.isInteger(pid) && pid > 0) {
      try {
        process.kill(pid, 'SIGINT');
      } catch {
        // already gone
      }
    }
  });
  let server: RunningEmbeddedPostgres | null = await start();
  const url = server.databaseUrl;
  await applyMigrations(url);
  const prisma = createPrismaClient(url, { maxConnections: 5 });
  const stop = async () => {
    await server?.stop();
    server = null;
  };
  return {
    db: {
      name: 'dvk',
      url,
      prisma,
      async drop() {
        await prisma.$disconnect();
      },
    },
    async restart(options = {}) {
      await stop();
      if (options.downMs) await new Promise((r) => setTimeout(r, options.downMs));
      server = await start();
    },
    async stop() {
      await prisma.$disconnect().catch(() => undefined);
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
