import type { IsoDate } from '../../domain/iso-date.js';
import type { PlaceResolution, PlaceSuccessor } from '../../domain/place-resolver.js';
import { isUnitValidOn, lastValidDay, type UnitNode, type UnitTree } from '../../domain/unit-tree.js';

/**
 * Thin helpers over the domain's UnitTree for what residents ask: "which units count as
 * this ward" and "where did this old ward go". The place resolver keeps its successor
 * logic private, so the district fallback (a district without lineage rows hands its
 * wards' successors on) is repeated here for units chosen by button.
 */

/** Every unit lying under one of the roots (roots included), each judged on its own last valid day. */
export function subtreeIds(tree: UnitTree, rootIds: readonly string[], asOf: IsoDate): Set<string> {
  const ids = new Set<string>(rootIds);
  for (const unit of tree.all()) {
    const day = lastValidDay(unit, asOf);
    if (rootIds.some((root) => tree.isInSubtree(unit.id, root, day))) ids.add(unit.id);
  }
  return ids;
}

/** Successors valid on `asOf`; a district without its own lineage passes on its wards' successors as parts. */
export function currentSuccessors(tree: UnitTree, unit: UnitNode, asOf: IsoDate): PlaceSuccessor[] {
  const direct = unit.successors
    .map((s) => ({ unit: tree.get(s.unitId), share: s.share, verified: s.verified }))
    .filter((s): s is PlaceSuccessor => s.unit !== undefined && isUnitValidOn(s.unit, asOf));
  if (direct.length > 0 || unit.successors.length > 0) return direct;
  const day = lastValidDay(unit, asOf);
  const found = new Map<string, PlaceSuccessor>();
  for (const child of tree.all()) {
    if (tree.ancestorsAsOf(child.id, day)[0]?.id !== unit.id) continue;
    for (const s of child.successors) {
      const successor = tree.get(s.unitId);
      if (!successor || !isUnitValidOn(successor, asOf)) continue;
      const before = found.get(s.unitId);
      found.set(s.unitId, { unit: successor, share: 'part', verified: (before?.verified ?? true) && s.verified });
    }
  }
  return [...found.values()];
}

/** What the resolver would say about a unit already picked: current, or former with its successors. */
export function resolutionForUnit(tree: UnitTree, unitId: string, asOf: IsoDate): PlaceResolution | null {
  const unit = tree.get(unitId);
  if (!unit) return null;
  if (isUnitValidOn(unit, asOf)) return { kind: 'current', unit };
  const successors = currentSuccessors(tree, unit, asOf);
  if (successors.length === 0 && unit.successorsUnverified) return { kind: 'unverified', query: unit.name, formerUnit: unit, candidates: [] };
  return { kind: 'former', unit, successors, approximate: successors.some((s) => s.share !== 'whole' || !s.verified) };
}

/**
 * Whether a subscriber's unit of interest covers an event's host: the host lies under it,
 * or it is a pre-2025 unit and the host lies under one of its successors (domain §2.5).
 */
export function interestCovers(tree: UnitTree, interestId: string, hostId: string, asOf: IsoDate): boolean {
  const interest = tree.get(interestId);
  const host = tree.get(hostId);
  if (!interest || !host) return interestId === hostId;
  const hostDay = lastValidDay(host, asOf);
  if (tree.isInSubtree(hostId, interestId, hostDay)) return true;
  if (isUnitValidOn(interest, asOf)) return false;
  return currentSuccessors(tree, interest, asOf).some((s) => tree.isInSubtree(hostId, s.unit.id, hostDay));
}

/** The nearest city/province above a unit today (for "events across the city"). */
export function cityOf(tree: UnitTree, unitId: string, asOf: IsoDate): UnitNode | undefined {
  const unit = tree.get(unitId);
  if (!unit) return undefined;
  if (unit.type === 'city' || unit.type === 'province') return unit;
  return tree.ancestorsAsOf(unitId, lastValidDay(unit, asOf)).find((a) => a.type === 'city' || a.type === 'province');
}
