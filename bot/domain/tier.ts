import type { IsoDate } from './iso-date.js';

/** A recognition tier: configuration rows, not an enum (domain §2.1). Rank 1 is the highest. */
export interface TierConfig {
  code: string;
  rank: number;
  active: boolean;
  retiredOn: IsoDate | null;
}

export interface TierCatalog {
  get(code: string): TierConfig | undefined;
  all(): readonly TierConfig[];
}

export function createTierCatalog(tiers: readonly TierConfig[]): TierCatalog {
  const byCode = new Map(tiers.map((t) => [t.code, t]));
  return { get: (code) => byCode.get(code), all: () => tiers };
}

/**
 * Whether a decision dated `decisionDate` may use this tier: a retired tier (`huyen`,
 * retired 2025-07-01) stays valid for decisions dated before it retired, so historical
 * records can still be entered.
 */
export function isTierUsableOn(tier: TierConfig, decisionDate: IsoDate): boolean {
  if (tier.retiredOn !== null) return decisionDate < tier.retiredOn;
  return tier.active;
}

/** Whether `candidate` ranks above `current` (a smaller rank number). */
export function isHigherTier(candidate: TierConfig, current: TierConfig): boolean {
  return candidate.rank < current.rank;
}
