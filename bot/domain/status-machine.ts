import type { Clock } from '../core/clock.js';
import type { AuditChannel } from './audit-entry.js';
import { deny, type Denial } from './denial.js';
import { vietnamDateOf, type IsoDate } from './iso-date.js';
import type { RegistrationEvent, RegistrationStatus } from './registration-status.js';
import { REGISTRATION_EVENTS } from './registration-status.js';
import type { RegistrationState } from './registration-state.js';
import { actorId, type Actor, type Role, type RoleGrant } from './roles.js';
import { createScopePolicy } from './scope-policy.js';
import type { SideEffect } from './side-effect.js';
import type { TierCatalog } from './tier.js';
import { GUARDS, pickRecognition, type GuardContext } from './transition-guards.js';
import { TransitionDeniedError } from './transition-denied-error.js';
import type { TransitionPayloads } from './transition-payloads.js';
import { isFromAllowed, ruleFor, type ActorRule, type TransitionId } from './transition-table.js';
import { isUnitValidOn, type UnitTree } from './unit-tree.js';

export interface StatusMachineDeps {
  units: UnitTree;
  tiers: TierCatalog;
  clock: Clock;
  /** Drafts idle this long may be discarded by the system (T4). */
  idleDraftDays?: number;
}

export type TransitionRequest = {
  [E in RegistrationEvent]: {
    event: E;
    actor: Actor;
    channel: AuditChannel;
    registration: E extends 'create' ? null : RegistrationState;
    payload: TransitionPayloads[E];
  };
}[RegistrationEvent];

export type TransitionOutcome =
  | {
      ok: true;
      transition: TransitionId;
      event: RegistrationEvent;
      from: RegistrationStatus | null;
      to: RegistrationStatus;
      effects: SideEffect[];
      /** Message keys of soft warnings (late, decision number format). */
      warnings: string[];
    }
  | { ok: false; error: TransitionDeniedError };

const ROLE_OF_RULE: Record<ActorRule, Role | 'system'> = {
  cadre_in_scope: 'cadre',
  reviewer_in_scope: 'reviewer',
  reviewer_on_request: 'reviewer',
  reviewer_delegated: 'reviewer',
  approver_in_scope: 'approver',
  approver_of_issuing_tier: 'approver',
  admin_in_scope: 'admin',
  system: 'system',
};

/**
 * The registration status machine (domain §2.2) as a pure function of the request,
 * the unit tree, the tier catalogue and the clock. It never writes: it returns the
 * new status and the side effects for the caller to perform, or a typed refusal.
 */
export function createStatusMachine(deps: StatusMachineDeps) {
  const scope = createScopePolicy({ units: deps.units, tiers: deps.tiers });
  const idleDraftDays = deps.idleDraftDays ?? 30;

  /** Returns the grant that permits the actor (or null for admin/system), or undefined. */
  function permits(rule: ActorRule, req: TransitionRequest, unitId: string, today: IsoDate): RoleGrant | null | undefined {
    const { actor } = req;
    if (rule === 'system') return actor.kind === 'system' ? null : undefined;
    const role = ROLE_OF_RULE[rule] as Role;
    const grant =
      req.event === 'create'
        ? scope.grantCoveringLiveUnit(actor, role, unitId, today)
        : scope.grantCovering(actor, role, unitId, today);
    if (!grant) return undefined;
    if (rule === 'reviewer_on_request') return req.event === 'withdraw' && req.payload.onCadreRequest ? grant : undefined;
    if (rule === 'reviewer_delegated') return grant.mayDecline ? grant : undefined;
    if (rule === 'approver_of_issuing_tier' && req.registration) {
      const rec = pickRecognition(req.registration, req.event === 'revoke' ? req.payload.recognitionId : undefined);
      if (!rec || scope.grantTier(grant) !== rec.tierCode) return undefined;
      const issuerOk = scope.activeGrants(actor, 'approver', today).some(
        (g) => scope.grantTier(g) === rec.tierCode && scope.unitWithinScope(rec.issuerUnitId, g.scopeUnitId, today) !== false,
      );
      return issuerOk ? grant : undefined;
    }
    return grant;
  }

  function permittedRule(req: TransitionRequest, unitId: string, today: IsoDate) {
    for (const rule of ruleFor(req.event).actors) {
      const grant = permits(rule, req, unitId, today);
      if (grant !== undefined) return { rule, grant: grant ?? undefined };
    }
    return undefined;
  }

  /** Events this actor could fire now from the registration's status (guards aside). */
  function allowedEvents(registration: RegistrationState | null, actor: Actor): RegistrationEvent[] {
    const today = vietnamDateOf(deps.clock.now());
    const status = registration?.status ?? null;
    return REGISTRATION_EVENTS.filter((event) => {
      const rule = ruleFor(event);
      if (!isFromAllowed(rule, status) || (event === 'create') !== (registration === null)) return false;
      if (!registration) return actor.kind === 'cadre' && scope.activeGrants(actor, 'cadre', today).length + scope.activeGrants(actor, 'admin', today).length > 0;
      const probe = { event, actor, channel: 'system', registration, payload: { onCadreRequest: true } } as unknown as TransitionRequest;
      return permittedRule(probe, registration.subjectUnitId, today) !== undefined;
    });
  }

  function refuse(req: TransitionRequest, denial: Denial): TransitionOutcome {
    const status = req.registration?.status ?? null;
    return { ok: false, error: new TransitionDeniedError(denial, req.event, status, allowedEvents(req.registration, req.actor)) };
  }

  function apply(req: TransitionRequest): TransitionOutcome {
    const now = deps.clock.now();
    const today = vietnamDateOf(now);
    const rule = ruleFor(req.event);
    const from = req.registration?.status ?? null;

    if (!isFromAllowed(rule, from)) {
      if (req.event === 'withdraw' && from === 'under_evaluation') return refuse(req, deny('withdraw-under-evaluation'));
      if (req.event === 'attach_report' && from !== null) return refuse(req, deny('report-needs-accepted'));
      return refuse(req, deny('transition-not-allowed'));
    }
    if (req.actor.kind === 'cadre' && req.actor.status !== 'active') return refuse(req, deny('cadre-not-active', { cadreStatus: req.actor.status }));

    const unitId = req.event === 'create' ? req.payload.subjectUnitId : req.registration.subjectUnitId;
    const unit = deps.units.get(unitId);
    if (!unit) return refuse(req, deny('unit-unknown', { unit: unitId }));
    if (req.event === 'create' && !isUnitValidOn(unit, today)) return refuse(req, deny('unit-not-valid-today', { unit: unit.name, validTo: unit.validTo ?? '' }));

    const permitted = permittedRule(req, unitId, today);
    if (!permitted) {
      const roles = [...new Set(rule.actors.map((r) => ROLE_OF_RULE[r]))];
      const hasRole = req.actor.kind === 'cadre' && roles.some((r) => r !== 'system' && scope.activeGrants(req.actor, r, today).length > 0);
      return refuse(req, hasRole ? deny('out-of-scope', { unit: unit.name }) : deny('role-not-permitted', { roles: roles.join(', ') }));
    }

    const ctx = {
      now,
      today,
      registration: req.registration,
      payload: req.payload,
      grant: permitted.grant,
      isAdmin: permitted.rule === 'admin_in_scope',
      isSystem: permitted.rule === 'system',
      scope,
      idleDraftDays,
    } as GuardContext<typeof req.event>;
    const guard = (GUARDS[req.event] as (c: typeof ctx) => ReturnType<(typeof GUARDS)['edit']>)(ctx);
    if ('reason' in guard) return refuse(req, guard);

    const to: RegistrationStatus =
      rule.to === 'same' ? from! : rule.to === 'payload' ? (req.payload as TransitionPayloads['admin_correct']).toStatus : rule.to;
    return { ok: true, transition: rule.id, event: req.event, from, to, effects: [...guard.effects, ...notices(req, from, to, now)], warnings: guard.warnings };
  }

  return { apply, allowedEvents, scope };
}

export type StatusMachine = ReturnType<typeof createStatusMachine>;

/** Audit for every transition; the contact cadre hears of every change someone else made. */
function notices(req: TransitionRequest, from: RegistrationStatus | null, to: RegistrationStatus, now: Date): SideEffect[] {
  const effects: SideEffect[] = [
    {
      type: 'write_audit',
      action: `registration.${req.event}`,
      before: from,
      after: to,
      actor: actorId(req.actor),
      channel: req.channel,
      at: now,
      details: req.event === 'create' ? { subjectUnitId: req.payload.subjectUnitId, year: req.payload.year } : { ...req.payload },
    },
  ];
  const key = `notify-${req.event.replace(/_/g, '-')}`;
  const args = { code: req.registration?.code ?? '', title: req.registration?.title ?? '', status: to };
  const contact = req.registration?.contactCadreId ?? null;
  const actorIsContact = req.actor.kind === 'cadre' && contact === req.actor.cadreId;
  if (req.registration && contact !== null && !actorIsContact) effects.push({ type: 'notify_contact_cadre', messageKey: key, args });
  if (req.actor.kind === 'cadre') effects.push({ type: 'confirm_to_actor', messageKey: `confirm-${req.event.replace(/_/g, '-')}`, args });
  return effects;
}
