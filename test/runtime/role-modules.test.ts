import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

const run = promisify(execFile);

/**
 * Starts one role in a fresh process with Telegram configured, then lists whether grammY
 * was loaded. The webhooks role builds the channels (for their routes) but never sends,
 * so grammY — ≈ 17 MiB of RSS against the role's 120 MiB target — must stay out of it
 * (worker/channels/lazy-sender.ts); the worker loads it on its first Telegram send.
 */
async function grammyLoadedIn(role: 'webhooks' | 'worker', databaseUrl: string, sendFirst: boolean): Promise<boolean> {
  const script = `
    import { createRequire } from 'node:module';
    const { loadConfig } = await import('./runtime/config.ts');
    const { startApplication } = await import('./runtime/start-application.ts');
    const app = await startApplication({ config: loadConfig(process.env), roles: [${JSON.stringify(role)}] });
    if (${sendFirst}) await import('./worker/channels/telegram.adapter.ts');
    const loaded = Object.keys(createRequire(import.meta.url).cache).some((file) => file.includes('/node_modules/grammy/'));
    await app.close();
    console.log('GRAMMY_LOADED=' + loaded);
    process.exit(0);`;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: process.cwd(),
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      DATABASE_URL: databaseUrl,
      QUEUE_PREFIX: `rolemods_${process.pid}`,
      PORT: '0',
      LOG_LEVEL: 'silent',
      CONSOLE_ENABLED: 'false',
      TELEGRAM_BOT_TOKEN: '123456:role-modules-test-token',
      TELEGRAM_WEBHOOK_SECRET: 'role_modules_secret',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
    },
    timeout: 90_000,
  });
  const match = /GRAMMY_LOADED=(true|false)/.exec(stdout);
  if (!match) throw new Error(`the probe printed no answer:\n${stdout}`);
  return match[1] === 'true';
}

describe('what each role loads', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('keeps grammY out of the webhooks role, Telegram configured or not', async () => {
    expect(await grammyLoadedIn('webhooks', db.url, false)).toBe(false);
  }, 120_000);

  it('the probe sees grammY once the Telegram adapter is loaded (so the check above can fail)', async () => {
    expect(await grammyLoadedIn('webhooks', db.url, true)).toBe(true);
  }, 120_000);
});
