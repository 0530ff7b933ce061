import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleClient } from '../helpers/console-client.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { deleteQueueKeys, testRedisUrl, uniqueQueuePrefix } from '../helpers/test-redis.js';

const exec = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..', '..');

/**
 * The image, built and run by a real Docker engine. Opt-in (DVK_DOCKER_TEST=1): a build runs `npm ci` twice and
 * takes minutes. DVK_DOCKER_BASE names the base image (default: the Dockerfile's node:22-bookworm-slim); a host
 * without Docker Hub makes one with scripts/import-node-image.sh. Containers use the host's network (the
 * development machines run dockerd with --bridge=none) and the test's own PostgreSQL database and Redis prefix.
 */
const BASE = process.env.DVK_DOCKER_BASE ?? 'node:22-bookworm-slim';
const TAG = `dvk-bot:test-${process.pid}`;

function skipReason(): string | null {
  if (process.env.DVK_DOCKER_TEST !== '1') return 'set DVK_DOCKER_TEST=1 to build and run the Docker image';
  try {
    execFileSync('docker', ['version', '--format', '{{.Server.Version}}'], { stdio: 'pipe', timeout: 15_000 });
  } catch {
    return 'no Docker engine answers (`docker version` failed; see docs/deploy.md, "What was run here")';
  }
  try {
    execFileSync('docker', ['image', 'inspect', BASE], { stdio: 'pipe', timeout: 15_000 });
  } catch {
    return `base image ${BASE} is not present; pull it, or make one with scripts/import-node-image.sh and set DVK_DOCKER_BASE`;
  }
  return null;
}

const reason = skipReason();
if (reason) console.warn(`[tests] skipped docker-image.test.ts: ${reason}`);

const docker = (args: string[], timeout = 120_000) => exec('docker', args, { cwd: ROOT, timeout, maxBuffer: 64 << 20 });

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `docker run` options that give a container this test's database, Redis prefix and port. */
function envArgs(env: Record<string, string>): string[] {
  return Object.entries(env).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
}

describe.skipIf(reason !== null)('Docker image (real engine)', () => {
  let db: TestDatabase;
  let prefix: string;
  const containers: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
    prefix = uniqueQueuePrefix('docker');
    await docker(['build', '--network', 'host', '--build-arg', `NODE_IMAGE=${BASE}`, '-t', TAG, '.'], 1_800_000);
  }, 1_900_000);

  afterAll(async () => {
    for (const id of containers) await docker(['rm', '-f', id]).catch(() => {});
    await docker(['image', 'rm', '-f', TAG]).catch(() => {});
    await deleteQueueKeys(prefix).catch(() => {});
    await db?.drop();
  }, 120_000);

  it('runs as a non-root user', async () => {
    const { stdout } = await docker(['run', '--rm', TAG, 'id', '-u']);
    expect(Number(stdout.trim())).toBeGreaterThan(0);
  });

  it("migrates and seeds with docker-compose.yml's migrate command, then the two roles answer a message", async () => {
    const port = await freePort();
    const env = { DATABASE_URL: db.url, REDIS_URL: testRedisUrl(), QUEUE_PREFIX: prefix, PORT: String(port), LOG_LEVEL: 'warn', CONSOLE_ENABLED: 'true' };
    const compose = readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8');
    const migrateCommand = /migrate:[\s\S]*?command: (\[.*\])/.exec(compose)![1]!;
    await docker(['run', '--rm', '--network', 'host', ...envArgs(env), TAG, ...(JSON.parse(migrateCommand) as string[])], 300_000);

    const start = async (role: string) => {
      const { stdout } = await docker(['run', '-d', '--network', 'host', ...envArgs(env), TAG, 'node', 'dist/scripts/start.js', '--role', role]);
      containers.push(stdout.trim());
      return stdout.trim();
    };
    const webhooks = await start('webhooks');
    await start('worker');

    const base = `http://127.0.0.1:${port}`;
    await expect.poll(async () => (await fetch(`${base}/health`).then((r) => r.json(), () => null)) as unknown, { timeout: 60_000, interval: 500 }).toEqual({ db: 'ok', queue: 'ok' });
    const client = createConsoleClient(base);
    await client.user('docker-check');
    const [greeting] = await client.say('docker-check', 'xin chào');
    expect(greeting!.text).toMatch(/Dân vận khéo/);

    // The image's own HEALTHCHECK (node fetch of /health) reports healthy once its first probe ran.
    await expect.poll(async () => (await docker(['inspect', '--format', '{{.State.Health.Status}}', webhooks])).stdout.trim(), { timeout: 60_000, interval: 1_000 }).toBe('healthy');

    // SIGTERM (docker stop) ends the process cleanly.
    await docker(['stop', '-t', '30', webhooks], 60_000);
    expect((await docker(['inspect', '--format', '{{.State.ExitCode}}', webhooks])).stdout.trim()).toBe('0');
  }, 600_000);
});
