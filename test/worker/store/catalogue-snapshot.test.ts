import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeed } from '../../../prisma/seed/seed.js';
import { Prisma } from '../../../prisma/generated/client.js';
import { poolOf, sqlOf, type Db } from '../../../runtime/database.js';
import { createCatalogueSnapshots, catalogueVersionsSql, type CatalogueVersions } from '../../../worker/store/catalogue-snapshot.js';
import { createEventRepository } from '../../../worker/store/resident-events.repository.js';
import { loadUnitTree } from '../../../worker/store/unit-tree.repository.js';
import type { EventSearch } from '../../../bot/features/residents/resident-services.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.js';

/** What a turn reads in its first statement (worker/inbound/turn-context.store.ts). */
async function versionsNow(db: Db): Promise<CatalogueVersions> {
  return (await sqlOf(db).rows<{ v: CatalogueVersions }>(Prisma.sql`SELECT ${catalogueVersionsSql} AS v`))[0]!.v;
}

/** A Db that fails on any query: proves an answer came from the snapshot. */
const noQueries = new Proxy({}, { get: () => () => Promise.reject(new Error('queried the database')) }) as unknown as Db;

describe('catalogue snapshots: events and public information checked against catalogue_version', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await runSeed(db.prisma);
  }, 60_000);
  afterAll(async () => {
    await db?.drop();
  });

  it('answers every event search exactly as the database query does', async () => {
    const snapshots = createCatalogueSnapshots();
    const versions = await versionsNow(db.prisma);
    const units = () => loadUnitTree(db.prisma);
    const fromDb = createEventRepository(db.prisma, units);
    const fromSnapshot = createEventRepository(db.prisma, units, () => snapshots.events(db.prisma, versions.event));
    const unitSets = [null, ['hn'], ['hn-p-cuanam'], ['hn-q-hoankiem'], ['hcm'], ['hn-p-hoankiem', 'hcm-q-binhthanh']];
    const typeSets = [undefined, [], ['ngay_hoi'], ['hoi_thi', 'hoi_thi_chung_khao']];
    const windows: Array<[string, string | null]> = [
      ['2020-01-01T00:00:00+07:00', null],
      ['2024-01-01T00:00:00+07:00', '2025-01-01T00:00:00+07:00'],
      ['2026-11-30T00:00:00+07:00', null],
      ['2022-10-01T00:00:00+07:00', '2022-11-01T00:00:00+07:00'],
    ];
    let compared = 0;
    for (const unitIds of unitSets)
      for (const types of typeSets)
        for (const [from, to] of windows)
          for (const limit of [1, 50]) {
            const search: EventSearch = { unitIds, types, from: new Date(from), to: to ? new Date(to) : null, limit };
            for (const kind of ['upcoming', 'past'] as const) {
              const expected = (await fromDb[kind](search)).map((e) => e.id);
              expect((await fromSnapshot[kind](search)).map((e) => e.id), `${kind} ${JSON.stringify(search)}`).toEqual(expected);
              compared++;
            }
          }
    for (const id of ['e01', 'e09', 'e11', 'missing']) expect(await fromSnapshot.get(id)).toEqual(await fromDb.get(id));
    expect(compared).toBe(6 * 4 * 4 * 2 * 2);
  });

  it('serves the same version without a query, and sees a committed change at the next turn', async () => {
    const snapshots = createCatalogueSnapshots();
    const before = await versionsNow(db.prisma);
    const title = (await snapshots.events(db.prisma, before.event)).find((e) => e.id === 'e09')!.title;
    expect((await snapshots.events(noQueries, before.event)).find((e) => e.id === 'e09')!.title).toBe(title);
    await db.prisma.event.update({ where: { id: 'e09' }, data: { title: `${title} (đổi giờ)` } });
    const after = await versionsNow(db.prisma);
    expect(after.event).not.toBe(before.event);
    expect(after.public_info).toBe(before.public_info);
    expect((await snapshots.events(db.prisma, after.event)).find((e) => e.id === 'e09')!.title).toBe(`${title} (đổi giờ)`);
    await db.prisma.event.update({ where: { id: 'e09' }, data: { title } });
  });

  it('is never poisoned by a transaction that read its own write and rolled back', async () => {
    const snapshots = createCatalogueSnapshots();
    const original = (await db.prisma.publicInfo.findFirstOrThrow({ where: { kind: 'glossary' }, orderBy: { id: 'asc' } }))!;
    await expect(
      poolOf(db.prisma).transaction(async () => {
        await db.prisma.publicInfo.update({ where: { id: original.id }, data: { sortOrder: original.sortOrder + 1000 } });
        const inside = await versionsNow(db.prisma);
        const seen = (await snapshots.publicInfo(db.prisma, inside.public_info)).find((e) => e.id === original.id);
        expect((seen as { sortOrder?: number }).sortOrder).toBe(original.sortOrder + 1000);
        throw new Error('the turn failed');
      }),
    ).rejects.toThrow('the turn failed');
    const committed = await versionsNow(db.prisma);
    const entry = (await snapshots.publicInfo(db.prisma, committed.public_info)).find((e) => e.id === original.id);
    expect((entry as { sortOrder?: number }).sortOrder).toBe(original.sortOrder);
  });
});
