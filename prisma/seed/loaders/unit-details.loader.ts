import { foldText } from '../../../bot/core/fold.js';
import type { SeedLoader } from '../seed-loader.js';

/**
 * Short codes used in registration codes. Not in the fixture (they are local
 * convention); the fixture's own codes show HK, TH, BT, HCM and CN. Old district and
 * new ward of the same name may share one: their codes never overlap in time.
 */
export const UNIT_SHORT_CODES: Readonly<Record<string, string>> = {
  hn: 'HN',
  hcm: 'HCM',
  'hn-q-hoankiem': 'HK',
  'hn-q-tayho': 'TH',
  'hn-q-hoangmai': 'HM',
  'hcm-q-binhthanh': 'BT',
  'hn-p-hoankiem': 'HK',
  'hn-p-cuanam': 'CN',
  'hn-p-hongha': 'HH',
  'hn-p-tayho': 'TH',
  'hn-p-phuthuong': 'PT',
  'hcm-p-giadinh': 'GD',
  'hcm-p-binhthanh': 'BTH',
  'hcm-p-binhloitrung': 'BLT',
  'hcm-p-thanhmytay': 'TMT',
  'hcm-p-binhquoi': 'BQ',
  'hcm-p-saigon': 'SG',
};

/** Which tier issues recognition from a unit, by unit type (configuration, seeded once). */
const TIER_BY_TYPE: Readonly<Record<string, string>> = { country: 'trung_uong', city: 'tinh', province: 'tinh', district: 'huyen', ward: 'xa', commune: 'xa', special_zone: 'xa', residential_group: 'khu_dan_cu' };

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * Extends the lead's units loader with what the domain needs: short and tier codes, the
 * folded name, dated parent edges, lineage dates, and the unverified district → ward
 * lineage of HCMC (the fixture's `predecessor_district`).
 */
export const unitDetailsLoader: SeedLoader = {
  name: 'unit-details',
  async load(prisma, fixture) {
    // Three set-based statements instead of ~150 upserts: this runs on every boot.
    const details = fixture.units.map((u) => ({ id: u.id, short_code: UNIT_SHORT_CODES[u.id] ?? null, tier_code: TIER_BY_TYPE[u.type] ?? null, name_folded: foldText(u.name) }));
    await prisma.$executeRaw`
      UPDATE "unit" AS u SET "short_code" = v.short_code, "tier_code" = v.tier_code, "name_folded" = v.name_folded
      FROM json_to_recordset(${JSON.stringify(details)}::json) AS v(id text, short_code text, tier_code text, name_folded text)
      WHERE u."id" = v.id`;

    const edges = fixture.units
      .filter((u) => u.parent_id)
      .map((u) => ({ id: `${u.id}>${u.parent_id}@${u.valid_from ?? 'start'}`, unit_id: u.id, parent_id: u.parent_id, valid_from: u.valid_from ?? null, valid_to: u.valid_to ?? null }));
    await prisma.$executeRaw`
      INSERT INTO "unit_parent_edge" ("id", "unit_id", "parent_id", "valid_from", "valid_to")
      SELECT v.id, v.unit_id, v.parent_id, v.valid_from, v.valid_to
      FROM json_to_recordset(${JSON.stringify(edges)}::json) AS v(id text, unit_id text, parent_id text, valid_from date, valid_to date)
      ON CONFLICT ("id") DO UPDATE SET "unit_id" = EXCLUDED."unit_id", "parent_id" = EXCLUDED."parent_id",
        "valid_from" = EXCLUDED."valid_from", "valid_to" = EXCLUDED."valid_to"`;

    const lineage = fixture.units.flatMap((u) => [
      ...(u.successors ?? []).map((s) => ({ from_id: u.id, to_id: s.id, share: s.share, effective_on: u.valid_to ? nextDay(u.valid_to) : null, verified: true })),
      ...(u.predecessor_district ? [{ from_id: u.predecessor_district, to_id: u.id, share: 'part', effective_on: u.valid_from ?? null, verified: false }] : []),
    ]);
    await prisma.$executeRaw`
      INSERT INTO "unit_lineage" ("from_unit_id", "to_unit_id", "share", "effective_on", "verified")
      SELECT v.from_id, v.to_id, v.share, v.effective_on, v.verified
      FROM json_to_recordset(${JSON.stringify(lineage)}::json) AS v(from_id text, to_id text, share text, effective_on date, verified boolean)
      ON CONFLICT ("from_unit_id", "to_unit_id") DO UPDATE SET "share" = EXCLUDED."share",
        "effective_on" = EXCLUDED."effective_on", "verified" = EXCLUDED."verified"`;
  },
};
