import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The shape of `dvk-seed.json` (a copy of ../shared/fixtures/dvk-seed.json). Loose on purpose: loaders validate what they use. */
export interface SeedFixture {
  meta: Record<string, unknown>;
  tiers: Array<{ code: string; label_vi: string; rank: number; active: boolean; retired_on?: string; note?: string }>;
  units: Array<{
    id: string;
    name: string;
    type: string;
    org_kind?: string;
    parent_id: string | null;
    valid_from?: string;
    valid_to?: string;
    aliases?: string[];
    note?: string;
    successors?: Array<{ id: string; share: 'whole' | 'most' | 'part' }>;
    successors_unverified?: boolean;
    predecessors_unverified?: boolean;
    predecessor_district?: string;
  }>;
  models: Array<Record<string, unknown>>;
  events: Array<Record<string, unknown>>;
  awards: Array<Record<string, unknown>>;
  stats: Array<Record<string, unknown>>;
}

export const SEED_FIXTURE_PATH = path.join(import.meta.dirname, 'dvk-seed.json');

export function readSeedFixture(file = SEED_FIXTURE_PATH): SeedFixture {
  return JSON.parse(readFileSync(file, 'utf8')) as SeedFixture;
}

/** Fixture dates are calendar days ("2025-06-30"); stored as UTC midnight in DATE columns. */
export function fixtureDate(value: string | undefined): Date | null {
  return value ? new Date(`${value}T00:00:00.000Z`) : null;
}
