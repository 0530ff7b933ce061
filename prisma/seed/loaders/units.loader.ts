import type { SeedLoader } from '../seed-loader.js';

/**
 * Units and their 2025 lineage (successor edges with shares), each in one
 * set-based upsert: the embedded run seeds on every start, and a row-by-row upsert
 * of the tree cost about a second. Foreign keys to parents in the same statement
 * are checked at its end, so the fixture's order does not matter.
 */
export const unitsLoader: SeedLoader = {
  name: 'units',
  async load(prisma, fixture) {
    const units = fixture.units.map((unit) => ({
      id: unit.id,
      name: unit.name.normalize('NFC'),
      type: unit.type,
      org_kind: unit.org_kind ?? null,
      parent_id: unit.parent_id,
      valid_from: unit.valid_from ?? null,
      valid_to: unit.valid_to ?? null,
      aliases: (unit.aliases ?? []).map((alias) => alias.normalize('NFC')),
      note: unit.note ?? null,
      predecessors_unverified: unit.predecessors_unverified ?? false,
      successors_unverified: unit.successors_unverified ?? false,
      predecessor_district_id: unit.predecessor_district ?? null,
    }));
    await prisma.$executeRaw`
      INSERT INTO unit (id, name, type, org_kind, parent_id, valid_from, valid_to, aliases, note,
                        predecessors_unverified, successors_unverified, predecessor_district_id)
      SELECT u.id, u.name, u.type, u.org_kind, u.parent_id, u.valid_from, u.valid_to,
             ARRAY(SELECT jsonb_array_elements_text(u.aliases)), u.note,
             u.predecessors_unverified, u.successors_unverified, u.predecessor_district_id
      FROM jsonb_to_recordset(${JSON.stringify(units)}::jsonb) AS u(
        id text, name text, type text, org_kind text, parent_id text, valid_from date, valid_to date,
        aliases jsonb, note text, predecessors_unverified boolean, successors_unverified boolean, predecessor_district_id text)
      ON CONFLICT (id) DO UPDATE SET
        name = EXCLUDED.name, type = EXCLUDED.type, org_kind = EXCLUDED.org_kind, parent_id = EXCLUDED.parent_id,
        valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to, aliases = EXCLUDED.aliases, note = EXCLUDED.note,
        predecessors_unverified = EXCLUDED.predecessors_unverified, successors_unverified = EXCLUDED.successors_unverified,
        predecessor_district_id = EXCLUDED.predecessor_district_id`;
    const lineage = fixture.units.flatMap((unit) => (unit.successors ?? []).map((s) => ({ from: unit.id, to: s.id, share: s.share })));
    await prisma.$executeRaw`
      INSERT INTO unit_lineage (from_unit_id, to_unit_id, share)
      SELECT l."from", l."to", l.share FROM jsonb_to_recordset(${JSON.stringify(lineage)}::jsonb) AS l("from" text, "to" text, share text)
      ON CONFLICT (from_unit_id, to_unit_id) DO UPDATE SET share = EXCLUDED.share`;
  },
};
