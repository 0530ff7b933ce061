import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../../../prisma/generated/client.js';
import { createPrismaClient, poolOf, type PrismaClient } from '../../../runtime/database.js';
import { preparedStatementName } from '../../../runtime/sql/sql-runner.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.js';

/** Named prepared statements for the turn's hot statements, and the switch that turns them off. */
describe('SqlRunner: prepared statements', () => {
  let db: TestDatabase;
  let unprepared: PrismaClient;
  beforeAll(async () => {
    db = await createTestDatabase();
    unprepared = createPrismaClient(db.url, { maxConnections: 1, preparedStatements: false });
  });
  afterAll(async () => {
    await unprepared?.$disconnect();
    await db?.drop();
  });

  const query = (n: number) => Prisma.sql`SELECT ${n}::int + 1 AS next`;
  /** Runs `query` twice on one connection (one transaction) and lists that connection's prepared statements. */
  const onOneConnection = (prisma: PrismaClient, prepare: boolean) =>
    poolOf(prisma).transaction(async (sql) => {
      const results = [await sql.rows<{ next: number }>(query(1), { prepare }), await sql.rows<{ next: number }>(query(41), { prepare })];
      const named = await sql.rows<{ name: string }>(Prisma.sql`SELECT name FROM pg_prepared_statements WHERE name LIKE 'dvk_%'`);
      return { results: results.map((rows) => rows[0]!.next), named: named.map((r) => r.name) };
    });

  it('names a statement marked `prepare` by its text: parsed once per connection, run with new values', async () => {
    const seen = await onOneConnection(db.prisma, true);
    expect(seen.results).toEqual([2, 42]);
    expect(seen.named).toEqual([preparedStatementName(query(0).text)]);
  });

  it('leaves the others unnamed', async () => {
    const seen = await onOneConnection(db.prisma, false);
    expect(seen.results).toEqual([2, 42]);
    // The earlier test may have prepared it on this connection; a fresh text never is.
    const fresh = await poolOf(db.prisma).transaction(async (sql) => {
      await sql.rows(Prisma.sql`SELECT ${'x'}::text AS unprepared_probe`);
      return sql.rows<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE '%unprepared_probe%' AND name <> ''`);
    });
    expect(fresh[0]!.n).toBe(0);
  });

  it('with DATABASE_PREPARED_STATEMENTS=false nothing is named (PgBouncer before 1.21)', async () => {
    const seen = await onOneConnection(unprepared, true);
    expect(seen).toEqual({ results: [2, 42], named: [] });
  });

  it('plans each run for its own values: a generic plan made while a table was small would be kept as it grows', async () => {
    const mode = (prisma: PrismaClient) => poolOf(prisma).transaction(async (sql) => (await sql.rows<{ plan_cache_mode: string }>(Prisma.sql`SHOW plan_cache_mode`))[0]!.plan_cache_mode);
    expect(await mode(db.prisma)).toBe('force_custom_plan');
    expect(await mode(unprepared)).toBe('auto');
  });

  it('one text is one name; different texts differ', () => {
    expect(preparedStatementName('SELECT 1')).toBe(preparedStatementName('SELECT 1'));
    expect(preparedStatementName('SELECT 1')).not.toBe(preparedStatementName('SELECT 2'));
    expect(preparedStatementName('SELECT 1')).toMatch(/^dvk_[0-9a-f]{20}$/);
  });
});
