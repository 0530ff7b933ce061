import type { IsoDate } from './iso-date.js';

/** Staff roles (domain §2.4). Residents have no grant: they are anyone without one. */
export const ROLES = ['cadre', 'reviewer', 'approver', 'broadcaster', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const CADRE_STATUSES = ['pending_verification', 'active', 'suspended', 'left'] as const;
export type CadreStatus = (typeof CADRE_STATUSES)[number];

/** A role scoped to the subtree of one unit. */
export interface RoleGrant {
  role: Role;
  scopeUnitId: string;
  /** For approvers: the tier they decide at; when null, the scope unit's tier applies. */
  tierCode?: string | null;
  /** For reviewers: may decline (T15) on the approver's behalf. */
  mayDecline?: boolean;
  validFrom?: IsoDate | null;
  validTo?: IsoDate | null;
  /** Suspended after a merger until staff re-confirm the cadre's new unit (domain §4.2 point 6). */
  suspended?: boolean;
}

export interface CadreActor {
  kind: 'cadre';
  cadreId: string;
  status: CadreStatus;
  grants: readonly RoleGrant[];
}

/** Scheduled jobs: discarding idle drafts, opening an evaluation round. */
export interface SystemActor {
  kind: 'system';
  job: string;
}

export type Actor = CadreActor | SystemActor;

export function actorId(actor: Actor): string {
  return actor.kind === 'cadre' ? `cadre:${actor.cadreId}` : `system:${actor.job}`;
}
