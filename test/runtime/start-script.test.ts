import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { redisAvailable, testRedisUrl, uniqueQueuePrefix, deleteQueueKeys } from '../helpers/test-redis.js';

function run(env: Record<string, string>, onStdout?: (text: string, child: ReturnType<typeof spawn>) => void) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    onStdout?.(output, child);
  });
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise<{ code: number | null; output: string }>((resolve) => child.on('close', (code) => resolve({ code, output })));
}

describe('scripts/start.ts', () => {
  it('stops with exit 1 and names the variable when the configuration is bad', async () => {
    const { code, output } = await run({ PORT: 'eighty' });
    expect(code).toBe(1);
    expect(output).toContain('PORT: must be a number');
    expect(output).toContain('.env.example');
  });

  describe.skipIf(!redisAvailable())('graceful shutdown', () => {
    let db: TestDatabase;
    const prefix = uniqueQueuePrefix('shutdown');
    beforeAll(async () => {
      db = await createTestDatabase();
    });
    afterAll(async () => {
      await deleteQueueKeys(prefix);
      await db.drop();
    });

    it('serves /health, then exits 0 on SIGTERM after closing everything', async () => {
      let healthy = false;
      const result = await run(
        { DATABASE_URL: db.url, REDIS_URL: testRedisUrl(), QUEUE_PREFIX: prefix, PORT: '0', LOG_LEVEL: 'info' },
        (output, child) => {
          const match = /Health:\s+(http:\/\/[^\s]+)/.exec(output);
          if (match && !healthy) {
            healthy = true;
            void fetch(match[1]!).then(async (response) => {
              expect(response.status).toBe(200);
              expect(await response.json()).toEqual({ db: 'ok', queue: 'ok' });
              child.kill('SIGTERM');
            });
          }
        },
      );
      expect(healthy).toBe(true);
      expect(result.code).toBe(0);
      expect(result.output).toContain('stopped cleanly');
    });
  });
});
