import type { ChatIdentity } from '../../bot/core/identity.js';
import { vietnamDateOf, type IsoDate } from '../../bot/domain/iso-date.js';
import type { CadreActor } from '../../bot/domain/roles.js';
import { createScopePolicy, type ScopePolicy } from '../../bot/domain/scope-policy.js';
import type { UnitTree } from '../../bot/domain/unit-tree.js';
import type { Db } from '../../runtime/database.js';
import { actorFor } from './cadre-identity.store.js';
import { loadTierCatalog, loadUnitTree } from './unit-tree.repository.js';

/** Where a broadcaster or admin may create events changes, announcements and reminder rules (domain §2.4). */
export interface StaffScope {
  actor: CadreActor;
  /** Roots of the subtrees, broadest grant first. */
  rootIds: string[];
  units: UnitTree;
  policy: ScopePolicy;
  today: IsoDate;
  covers(unitId: string): boolean;
}

const STAFF_ROLES = ['admin', 'broadcaster'] as const;

/** The user's broadcaster/admin scope today, or null when they hold neither role. */
export async function loadStaffScope(db: Db, user: ChatIdentity, now: Date): Promise<StaffScope | null> {
  const actor = await actorFor(db, user);
  if (!actor) return null;
  const today = vietnamDateOf(now);
  const [units, tiers] = await Promise.all([loadUnitTree(db), loadTierCatalog(db)]);
  const policy = createScopePolicy({ units, tiers });
  const rootIds = STAFF_ROLES.flatMap((role) => policy.activeGrants(actor, role, today).map((g) => g.scopeUnitId));
  if (rootIds.length === 0) return null;
  return {
    actor, rootIds: [...new Set(rootIds)], units, policy, today,
    covers: (unitId) => rootIds.some((root) => policy.unitWithinScope(unitId, root, today) !== false),
  };
}
