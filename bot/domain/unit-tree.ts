import type { IsoDate } from './iso-date.js';

/** How much of a former unit went to a successor (domain §4.2). */
export const LINEAGE_SHARES = ['whole', 'most', 'part'] as const;
export type LineageShare = (typeof LINEAGE_SHARES)[number];

/** A parent edge valid for a date range; units move between parents over time. */
export interface ParentEdge {
  parentId: string;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
}

/** One lineage edge seen from one side (successor or predecessor). */
export interface LineageLink {
  unitId: string;
  share: LineageShare;
  effectiveOn: IsoDate | null;
  /** False when the mapping is only known at district level (HCMC numbered wards). */
  verified: boolean;
}

/** A unit as the domain sees it; `type` and `orgKind` are data, never switched on in code paths for scope. */
export interface UnitNode {
  id: string;
  name: string;
  type: string;
  orgKind: string | null;
  shortCode: string | null;
  tierCode: string | null;
  aliases: readonly string[];
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  parents: readonly ParentEdge[];
  successors: readonly LineageLink[];
  predecessors: readonly LineageLink[];
  /** The fixture's `predecessors_unverified`: which former units it absorbed is not known. */
  predecessorsUnverified: boolean;
  /** The fixture's `successors_unverified`. */
  successorsUnverified: boolean;
}

/** Read-only view of the unit tree, injected into every pure domain module. */
export interface UnitTree {
  get(id: string): UnitNode | undefined;
  all(): readonly UnitNode[];
  /** Ancestors following the parent edges valid on `date`, nearest first, excluding the unit itself. */
  ancestorsAsOf(id: string, date: IsoDate): UnitNode[];
  /** True when `unitId` is `rootId` or lies below it on `date`. */
  isInSubtree(unitId: string, rootId: string, asOf: IsoDate): boolean;
}

export function isUnitValidOn(unit: Pick<UnitNode, 'validFrom' | 'validTo'>, date: IsoDate): boolean {
  return (unit.validFrom === null || unit.validFrom <= date) && (unit.validTo === null || date <= unit.validTo);
}

/** The last day a unit existed up to `date` (itself when still valid). */
export function lastValidDay(unit: Pick<UnitNode, 'validTo'>, date: IsoDate): IsoDate {
  return unit.validTo !== null && unit.validTo < date ? unit.validTo : date;
}
