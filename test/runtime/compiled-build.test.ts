import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { createConsoleClient } from '../helpers/console-client.js';

const exec = promisify(execFile);

/**
 * Production runs `node dist/scripts/start.js` (no tsx). Build into a scratch
 * folder the way `npm run build` does, then start it on the PostgreSQL queue
 * backend and talk to it: a missing asset (locales, migrations, NLU data, the
 * console page) or an import that only tsx resolves fails here, not in production.
 */
describe('compiled build (npm run build → node dist/…)', () => {
  let db: TestDatabase;
  let outDir: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    // Inside the project (git-ignored .data/) so the build resolves node_modules as dist/ does.
    mkdirSync('.data', { recursive: true });
    outDir = mkdtempSync(path.resolve('.data', 'dist-test-'));
    await exec(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', outDir], { maxBuffer: 16 << 20 });
    await exec(process.execPath, ['--import', 'tsx', 'scripts/copy-build-assets.ts'], { env: { ...process.env, BUILD_OUT_DIR: outDir } });
  }, 360_000); // tsc on a loaded 2-core machine took > 180 s once
  afterAll(async () => {
    await db.drop();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('copies the files the code reads at run time', () => {
    for (const asset of ['locales/vi/common.ftl', 'prisma/migrations/migration_lock.toml', 'bot/nlu/data/places.json', 'webhooks/console/console.page.html', 'prisma/seed/dvk-seed.json']) {
      expect(existsSync(path.join(outDir, asset)), asset).toBe(true);
    }
    expect(existsSync(path.join(outDir, 'test'))).toBe(false);
  });

  it("emits the files the Dockerfile's CMD and docker-compose run (test/deploy/dockerfile.test.ts reads the rest)", () => {
    const runs = [readFileSync('Dockerfile', 'utf8'), readFileSync('docker-compose.yml', 'utf8')].flatMap((text) => [...text.matchAll(/\bdist\/([\w./-]+\.js)\b/g)].map((m) => m[1]!));
    expect(runs).toContain('scripts/start.js');
    for (const file of new Set(runs)) expect(existsSync(path.join(outDir, file)), file).toBe(true);
  });

  it('starts with plain node, answers /health and a console message, stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [path.join(outDir, 'scripts/start.js')], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', DATABASE_URL: db.url, PORT: '0', LOG_LEVEL: 'warn', CONSOLE_ENABLED: 'true', QUEUE_PREFIX: `dist_${process.pid}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const base = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Health:\s+(http:\/\/[^\s/]+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.on('close', (code) => reject(new Error(`exited ${code} before serving:\n${output}`)));
    });
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      // The PostgreSQL queue backend creates its schema on first use: wait for health.
      await expect.poll(async () => (await fetch(`${base}/health`)).json(), { timeout: 30_000, interval: 250 }).toEqual({ db: 'ok', queue: 'ok' });
      const client = createConsoleClient(base);
      await client.user('dist-check');
      const [greeting] = await client.say('dist-check', 'xin chào');
      expect(greeting!.text).toMatch(/Dân vận khéo/);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await closed).toBe(0);
  }, 120_000);
});
