import { isWithin, type IsoDate } from './iso-date.js';
import type { Actor, CadreActor, Role, RoleGrant } from './roles.js';
import { isHigherTier, isTierUsableOn, type TierCatalog } from './tier.js';
import { deny, type Denial } from './denial.js';
import { isUnitValidOn, lastValidDay, type UnitTree } from './unit-tree.js';

export interface ScopePolicyDeps {
  units: UnitTree;
  tiers: TierCatalog;
}

export type ScopeMatch = 'tree' | 'lineage' | false;

/**
 * Who may act where. Scope is always "the subtree of unit X as of today"; a unit that
 * no longer exists (a ward merged on 2025-07-01, or an organisation under it) is in
 * scope when one of its successors is, so staff of the new ward can handle records of
 * the wards it absorbed.
 */
export function createScopePolicy({ units, tiers }: ScopePolicyDeps) {
  function unitWithinScope(unitId: string, scopeRootId: string, today: IsoDate): ScopeMatch {
    if (units.isInSubtree(unitId, scopeRootId, today)) return 'tree';
    const unit = units.get(unitId);
    if (!unit) return false;
    const lastDay = lastValidDay(unit, today);
    const chain = [unit, ...units.ancestorsAsOf(unitId, lastDay)];
    const seen = new Set<string>();
    const reaches = (id: string, depth: number): boolean => {
      if (depth > 5 || seen.has(id)) return false;
      seen.add(id);
      const node = units.get(id);
      if (!node) return false;
      if (isUnitValidOn(node, today)) return units.isInSubtree(id, scopeRootId, today);
      return node.successors.some((s) => reaches(s.unitId, depth + 1));
    };
    for (const node of chain) {
      if (isUnitValidOn(node, today)) continue;
      if (node.successors.some((s) => reaches(s.unitId, 1))) return 'lineage';
    }
    return false;
  }

  function activeGrants(actor: Actor, role: Role, today: IsoDate): RoleGrant[] {
    if (actor.kind !== 'cadre' || actor.status !== 'active') return [];
    return actor.grants.filter((g) => g.role === role && !g.suspended && isWithin(today, g.validFrom, g.validTo));
  }

  /** The first grant of `role` whose subtree contains the unit today. */
  function grantCovering(actor: Actor, role: Role, unitId: string, today: IsoDate): RoleGrant | undefined {
    return activeGrants(actor, role, today).find((g) => unitWithinScope(unitId, g.scopeUnitId, today) !== false);
  }

  /** Strict variant for creating things: the unit must exist today and lie in the live tree. */
  function grantCoveringLiveUnit(actor: Actor, role: Role, unitId: string, today: IsoDate): RoleGrant | undefined {
    return activeGrants(actor, role, today).find((g) => units.isInSubtree(unitId, g.scopeUnitId, today));
  }

  function grantTier(grant: RoleGrant): string | null {
    return grant.tierCode ?? units.get(grant.scopeUnitId)?.tierCode ?? null;
  }

  /**
   * Recognition at `tierCode` dated `decisionDate`: the tier must exist and be usable on
   * that date (`huyen` only before 2025-07-01), and an approver may only use their own
   * tier. Admins skip the own-tier rule, never the date rule.
   */
  function checkRecognitionTier(input: {
    grant: RoleGrant | undefined;
    isAdmin: boolean;
    tierCode: string;
    decisionDate: IsoDate;
  }): Denial | null {
    const tier = tiers.get(input.tierCode);
    if (!tier) return deny('tier-unknown', { tier: input.tierCode });
    if (!isTierUsableOn(tier, input.decisionDate)) {
      return tier.retiredOn !== null
        ? deny('tier-retired', { tier: tier.code, retiredOn: tier.retiredOn, decisionDate: input.decisionDate })
        : deny('tier-inactive', { tier: tier.code });
    }
    if (input.isAdmin) return null;
    const own = input.grant ? grantTier(input.grant) : null;
    if (own !== tier.code) return deny('tier-not-own', { tier: tier.code, own: own ?? '-' });
    return null;
  }

  /** A nomination must go to a higher-ranked tier that is active today. */
  function checkNominationTarget(fromTierCode: string, toTierCode: string, today: IsoDate): Denial | null {
    const from = tiers.get(fromTierCode);
    const to = tiers.get(toTierCode);
    if (!to) return deny('tier-unknown', { tier: toTierCode });
    if (!from) return deny('tier-unknown', { tier: fromTierCode });
    if (!isTierUsableOn(to, today)) return deny('tier-inactive', { tier: to.code });
    if (!isHigherTier(to, from)) return deny('nomination-tier-not-higher', { tier: to.code, from: from.code });
    return null;
  }

  return {
    unitWithinScope,
    activeGrants,
    grantCovering,
    grantCoveringLiveUnit,
    grantTier,
    checkRecognitionTier,
    checkNominationTarget,
    isAdminFor: (actor: Actor, unitId: string, today: IsoDate) => grantCovering(actor, 'admin', unitId, today) !== undefined,
  };
}

export type ScopePolicy = ReturnType<typeof createScopePolicy>;

export function isActiveCadre(actor: Actor): actor is CadreActor {
  return actor.kind === 'cadre' && actor.status === 'active';
}
