import type { SeedLoader } from '../seed-loader.js';
import { fixtureDate, type SeedFixture } from '../seed-fixture.js';

type FixtureUnit = SeedFixture['units'][number];

/** Parents before children, whatever order the fixture lists them in. */
function parentsFirst(units: FixtureUnit[]): FixtureUnit[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const depth = (unit: FixtureUnit, seen = new Set<string>()): number => {
    if (!unit.parent_id || seen.has(unit.id)) return 0;
    seen.add(unit.id);
    const parent = byId.get(unit.parent_id);
    return parent ? 1 + depth(parent, seen) : 0;
  };
  return [...units].sort((a, b) => depth(a) - depth(b));
}

/** Units and their 2025 lineage (successor edges with shares). */
export const unitsLoader: SeedLoader = {
  name: 'units',
  async load(prisma, fixture) {
    for (const unit of parentsFirst(fixture.units)) {
      const data = {
        name: unit.name.normalize('NFC'),
        type: unit.type,
        orgKind: unit.org_kind ?? null,
        parentId: unit.parent_id,
        validFrom: fixtureDate(unit.valid_from),
        validTo: fixtureDate(unit.valid_to),
        aliases: (unit.aliases ?? []).map((alias) => alias.normalize('NFC')),
        note: unit.note ?? null,
        predecessorsUnverified: unit.predecessors_unverified ?? false,
        successorsUnverified: unit.successors_unverified ?? false,
        predecessorDistrictId: unit.predecessor_district ?? null,
      };
      await prisma.unit.upsert({ where: { id: unit.id }, create: { id: unit.id, ...data }, update: data });
    }
    for (const unit of fixture.units) {
      for (const successor of unit.successors ?? []) {
        await prisma.unitLineage.upsert({
          where: { fromUnitId_toUnitId: { fromUnitId: unit.id, toUnitId: successor.id } },
          create: { fromUnitId: unit.id, toUnitId: successor.id, share: successor.share },
          update: { share: successor.share },
        });
      }
    }
  },
};
