import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAlive } from '../../runtime/embedded-postgres.js';

/**
 * The README's run command on a machine with nothing configured: embedded
 * PostgreSQL, queues on PostgreSQL, console on. Ctrl-C must stop the database
 * too, and the next start must reuse the data folder.
 */
const dataDir = path.resolve('.data', `test-embedded-${randomBytes(3).toString('hex')}`);


function startAndInterrupt(
  options: { cwd?: string; dataDir?: string; user?: { uid: number; gid: number; home: string } } = {},
): Promise<{ code: number | null; output: string; postgresPid: number | null; health: unknown; greeting: string | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: options.cwd,
    ...(options.user ? { uid: options.user.uid, gid: options.user.gid } : {}),
    env: { PATH: process.env.PATH ?? '', HOME: options.user?.home ?? process.env.HOME ?? '/tmp', DATA_DIR: options.dataDir ?? dataDir, PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let postgresPid: number | null = null;
  let health: unknown = null;
  let greeting: string | null = null;
  let started = false;
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    const match = /Health:\s+(http:\/\/[^\s]+)\/health/.exec(output);
    if (!match || started) return;
    started = true;
    const base = match[1]!;
    void (async () => {
      health = await (await fetch(`${base}/health`)).json();
      const pgDir = /Database: embedded PostgreSQL in (\S+)/.exec(output)?.[1] ?? path.join(dataDir, 'pg');
      postgresPid = Number(readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      const post = (p: string, body: unknown) => fetch(`${base}${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      await post('/console/api/users', { id: 'tester' });
      await post('/console/api/messages', { userId: 'tester', text: 'xin chào' });
      for (let i = 0; i < 100 && !greeting; i++) {
        const { messages } = (await (await fetch(`${base}/console/api/messages?userId=tester`)).json()) as { messages: Array<{ text: string }> };
        greeting = messages[0]?.text ?? null;
        if (!greeting) await new Promise((r) => setTimeout(r, 100));
      }
      child.kill('SIGINT');
    })();
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output, postgresPid, health, greeting })));
}

describe('npm start with nothing configured', () => {
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts embedded PostgreSQL, answers "xin chào" in Vietnamese, and Ctrl-C stops everything', async () => {
    const first = await startAndInterrupt();
    expect(first.output).toContain('initialising embedded PostgreSQL');
    expect(first.output).toContain('/console');
    expect(first.health).toEqual({ db: 'ok', queue: 'ok' });
    expect(first.greeting).toMatch(/^Xin chào!/);
    expect(first.code).toBe(0);
    expect(first.postgresPid).toBeGreaterThan(0);
    // pg_ctl stop -w returns once the pid file is gone; the process itself may take a moment to be reaped.
    await expect.poll(() => isAlive(first.postgresPid!), { timeout: 5_000 }).toBe(false);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 120_000);

  it('reuses the data folder on the next start', async () => {
    const second = await startAndInterrupt();
    expect(second.output).not.toContain('initialising embedded PostgreSQL');
    expect(second.health).toEqual({ db: 'ok', queue: 'ok' });
    expect(second.code).toBe(0);
    await expect.poll(() => isAlive(second.postgresPid!), { timeout: 5_000 }).toBe(false);
  }, 120_000);
});

/**
 * Issue 12 item 4: as root, with the repository inside a 0700 folder (`mktemp -d`),
 * the `postgres` system user cannot reach the project: `npm start` must still work.
 * The copy is made of hard links (same files, no download), so the binaries really
 * sit behind the 0700 folder as after a clone.
 */
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) console.warn('[tests] skipped: the 0700-folder start is a root-only scenario (PostgreSQL refuses to run as root, so the bot switches to a postgres user)');

describe.skipIf(!isRoot)('npm start as root from a 0700 folder', () => {
  const privateDir = mkdtempSync(path.join(tmpdir(), 'dvk-0700-'));
  const app = path.join(privateDir, 'app');
  let pgDir: string | undefined;
  afterAll(() => {
    rmSync(privateDir, { recursive: true, force: true });
    // The relocated data folder is this test's; the shared binary copy is a cache every start reuses.
    if (pgDir && pgDir.startsWith('/var/lib/dvk-embedded-postgres/data-')) rmSync(pgDir, { recursive: true, force: true });
  });

  it('moves what the postgres user needs where it can reach it, answers, and stops cleanly', async () => {
    expect(statSync(privateDir).mode & 0o777).toBe(0o700);
    execFileSync('mkdir', [app]);
    const entries = readdirSync('.').filter((name) => !['.data', '.git'].includes(name));
    execFileSync('cp', ['-al', ...entries, app]);
    const run = await startAndInterrupt({ cwd: app, dataDir: path.join(app, '.data') });
    pgDir = /Database: embedded PostgreSQL in (\S+)/.exec(run.output)?.[1];
    expect(run.output).not.toContain('EACCES');
    expect(pgDir).toMatch(/^\/var\/lib\/dvk-embedded-postgres\/data-[0-9a-f]{12}$/);
    expect(run.health).toEqual({ db: 'ok', queue: 'ok' });
    expect(run.greeting).toMatch(/^Xin chào!/);
    expect(run.code).toBe(0);
    await expect.poll(() => isAlive(run.postgresPid!), { timeout: 5_000 }).toBe(false);
  }, 180_000);
});

describe.skipIf(!isRoot)('npm start as a normal user with its data in a 0700 folder', () => {
  // Root is needed only to become that user (`nobody`); the bot itself then runs unprivileged.
  const home = mkdtempSync(path.join(tmpdir(), 'dvk-user-'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('runs PostgreSQL as that user in its own folder, answers, and stops cleanly', async () => {
    const uid = Number(execFileSync('id', ['-u', 'nobody']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'nobody']).toString().trim());
    chownSync(home, uid, gid);
    expect(statSync(home).mode & 0o777).toBe(0o700);
    const run = await startAndInterrupt({ dataDir: path.join(home, 'data'), user: { uid, gid, home } });
    expect(run.output).toContain(`embedded PostgreSQL in ${path.join(home, 'data', 'pg')}`);
    expect(run.health).toEqual({ db: 'ok', queue: 'ok' });
    expect(run.greeting).toMatch(/^Xin chào!/);
    expect(run.code).toBe(0);
    await expect.poll(() => isAlive(run.postgresPid!), { timeout: 5_000 }).toBe(false);
  }, 180_000);
});
