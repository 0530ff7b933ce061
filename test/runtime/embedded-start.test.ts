import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAlive } from '../../runtime/embedded-postgres.js';

/**
 * The README's run command on a machine with nothing configured: embedded
 * PostgreSQL, queues on PostgreSQL, console on. Ctrl-C must stop the database
 * too, and the next start must reuse the data folder.
 */
const dataDir = path.resolve('.data', `test-embedded-${randomBytes(3).toString('hex')}`);


function startAndInterrupt(): Promise<{ code: number | null; output: string; postgresPid: number | null; health: unknown; greeting: string | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info' },
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
      postgresPid = Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
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
