import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { applyMigrations } from '../../runtime/migrate.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

const exec = promisify(execFile);

async function tables(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const result = await client.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
  );
  await client.end();
  return result.rows.map((row) => row.table_name);
}

describe('migrations on an empty database', () => {
  let viaPrisma: TestDatabase;
  let viaRuntime: TestDatabase;
  beforeAll(async () => {
    viaPrisma = await createTestDatabase({ empty: true });
    viaRuntime = await createTestDatabase({ empty: true });
  });
  afterAll(async () => {
    await viaPrisma?.drop();
    await viaRuntime?.drop();
  });

  it('`prisma migrate deploy` applies every committed migration offline', async () => {
    const { stdout } = await exec('npx', ['prisma', 'migrate', 'deploy'], { env: { ...process.env, DATABASE_URL: viaPrisma.url }, timeout: 60_000 });
    expect(stdout).toMatch(/successfully applied|No pending migrations/);
    expect(await tables(viaPrisma.url)).toEqual(expect.arrayContaining(['chat_user', 'conversation_state', 'inbound_event', 'outbound_message', 'unit', 'unit_lineage', 'tier']));
    // The runtime applier agrees with Prisma's bookkeeping: nothing left to apply.
    expect(await applyMigrations(viaPrisma.url)).toEqual([]);
  }, 90_000);

  it('the runtime applier records migrations so `prisma migrate status` is up to date', async () => {
    const applied = await applyMigrations(viaRuntime.url);
    expect(applied.length).toBeGreaterThan(0);
    expect(await applyMigrations(viaRuntime.url)).toEqual([]);
    const { stdout } = await exec('npx', ['prisma', 'migrate', 'status'], { env: { ...process.env, DATABASE_URL: viaRuntime.url }, timeout: 60_000 });
    expect(stdout).toContain('Database schema is up to date');
  }, 90_000);
});

describe('authoring the next migration offline', () => {
  it('`npm run db:diff` replays the committed chain on a shadow database and finds the schema in sync', async () => {
    const { stdout } = await exec('npm', ['run', '--silent', 'db:diff', '--', 'in_sync_probe'], {
      env: { ...process.env, DATABASE_URL: inject('pgAdminUrl') },
      timeout: 120_000,
    });
    expect(stdout).toContain('nothing to write');
  }, 150_000);
});
