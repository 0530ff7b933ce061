import type { ChatIdentity } from '../../bot/core/identity.js';
import type { ReviewPayload, ReviewService } from '../../bot/features/cadre/cadre-services.js';
import { rubricFor } from '../../bot/features/cadre/evaluation-rubric.js';
import { vietnamDateOf } from '../../bot/domain/iso-date.js';
import type { RegistrationEvent, RegistrationStatus } from '../../bot/domain/registration-status.js';
import type { Role } from '../../bot/domain/roles.js';
import { createStatusMachine } from '../../bot/domain/status-machine.js';
import type { Db } from '../../runtime/database.js';
import { actorFor } from './cadre-identity.store.js';
import { toViews, visibilityFilter, VIEW_INCLUDE } from './cadre-registration-views.js';
import { channelOf, toActionResult, turnWorkflow } from './cadre-workflow.js';
import { loadRegistrationState } from './registration.repository.js';
import { loadTierCatalog, loadUnitTree } from './unit-tree.repository.js';
import { fixedClock } from '../../bot/core/clock.js';

/** What waits for whom: reviewers accept and evaluate, approvers decide and follow up. */
const QUEUE_STATUSES: Record<'reviewer' | 'approver' | 'admin', RegistrationStatus[]> = {
  reviewer: ['submitted', 'accepted', 'under_evaluation'],
  approver: ['under_evaluation', 'recognized'],
  admin: ['submitted', 'accepted', 'under_evaluation', 'recognized'],
};

export const REVIEW_EVENTS: readonly RegistrationEvent[] = [
  'accept', 'return', 'reject', 'open_evaluation', 'request_info', 'record_evaluation', 'recognize', 'decline', 'nominate_up', 'revoke',
];


/** Reviewer and approver work by chat: the queue in scope, the allowed actions and the transitions. */
export function createReviewService(db: Db): ReviewService {
  async function approverGrant(user: ChatIdentity, now: Date) {
    const actor = await actorFor(db, user);
    if (!actor) return null;
    const [units, tiers] = await Promise.all([loadUnitTree(db), loadTierCatalog(db)]);
    const machine = createStatusMachine({ units, tiers, clock: fixedClock(now) });
    const today = vietnamDateOf(now);
    // Domain §2.4: an admin may record recognitions too, at the tier of the unit its grant covers.
    const grant = machine.scope.activeGrants(actor, 'approver', today)[0] ?? machine.scope.activeGrants(actor, 'admin', today)[0];
    if (!grant) return null;
    const tierCode = machine.scope.grantTier(grant);
    return tierCode ? { grant, tierCode } : null;
  }

  async function approverTier(user: ChatIdentity, now: Date) {
    const found = await approverGrant(user, now);
    if (!found) return null;
    const [tier, issuer, all] = await Promise.all([
      db.tier.findUnique({ where: { code: found.tierCode } }),
      db.unit.findUnique({ where: { id: found.grant.scopeUnitId }, select: { name: true } }),
      db.tier.findMany({ where: { active: true }, orderBy: { rank: 'asc' } }),
    ]);
    if (!tier) return null;
    return {
      tierCode: tier.code,
      tierLabel: tier.labelVi,
      issuerUnitId: found.grant.scopeUnitId,
      issuerName: issuer?.name ?? found.grant.scopeUnitId,
      higherTiers: all.filter((t) => t.rank < tier.rank).map((t) => ({ code: t.code, label: t.labelVi })),
    };
  }

  async function workflowPayload(user: ChatIdentity, registrationId: string, p: ReviewPayload, now: Date): Promise<unknown> {
    const actor = (await actorFor(db, user))!;
    switch (p.event) {
      case 'accept':
        return {};
      case 'return':
      case 'request_info':
        return { comment: p.comment };
      case 'reject':
        return { reasonCode: p.reasonCode, ...(p.comment ? { comment: p.comment } : {}) };
      case 'open_evaluation':
        return { evaluationRoundOpen: true };
      case 'record_evaluation': {
        const row = await db.registration.findUnique({ where: { id: registrationId }, select: { year: true } });
        return {
          evaluation: { round: String(row?.year ?? ''), method: 'ho_so', evaluatorCadreIds: [actor.cadreId], visitedOn: null, scores: p.scores, verdict: p.verdict, comment: p.comment },
        };
      }
      case 'recognize': {
        const tier = await approverTier(user, now);
        return { decisionNo: p.decisionNo, decisionDate: p.decisionDate, issuerUnitId: tier?.issuerUnitId ?? null, tierCode: tier?.tierCode ?? null };
      }
      case 'decline':
        return { reason: p.reason };
      case 'nominate_up':
        return { toTierCode: p.toTierCode, toIssuerUnitId: null };
      case 'revoke':
        return { reason: p.reason, decisionRef: p.decisionRef };
    }
  }

  return {
    async queue(user, now) {
      const actor = await actorFor(db, user);
      if (!actor) return [];
      const today = vietnamDateOf(now);
      const held = (['reviewer', 'approver', 'admin'] as const).filter((role) => actor.grants.some((g) => g.role === role && !g.suspended));
      const statuses = [...new Set(held.flatMap((role) => QUEUE_STATUSES[role]))];
      if (statuses.length === 0) return [];
      const canSee = await visibilityFilter(db, actor, now, held as Role[]);
      const rows = await db.registration.findMany({
        where: { deletedAt: null, status: { in: statuses }, year: { gte: Number(today.slice(0, 4)) - 1 } },
        include: VIEW_INCLUDE,
        orderBy: [{ submittedAt: 'asc' }, { createdAt: 'asc' }],
        take: 200,
      });
      // Only what this person can act on now, oldest first.
      const visible = rows.filter((r) => canSee({ ...r, contactCadreId: null, createdByCadreId: null }));
      const [units, tiers] = await Promise.all([loadUnitTree(db), loadTierCatalog(db)]);
      const machine = createStatusMachine({ units, tiers, clock: fixedClock(now) });
      const actionable = [];
      for (const r of visible) {
        const state = await loadRegistrationState(db, r.id);
        if (state && machine.allowedEvents(state, actor).some((e) => REVIEW_EVENTS.includes(e))) actionable.push(r);
        if (actionable.length >= 10) break;
      }
      return toViews(db, actionable, now);
    },

    async allowedActions(user, registrationId, now) {
      const actor = await actorFor(db, user);
      const state = await loadRegistrationState(db, registrationId);
      if (!actor || !state) return [];
      const [units, tiers] = await Promise.all([loadUnitTree(db), loadTierCatalog(db)]);
      const machine = createStatusMachine({ units, tiers, clock: fixedClock(now) });
      return machine.allowedEvents(state, actor).filter((e) => REVIEW_EVENTS.includes(e));
    },

    async act(user, registrationId, payload, now) {
      const actor = await actorFor(db, user);
      if (!actor) return { ok: false, reason: 'role-not-permitted', args: { roles: 'reviewer' } };
      const row = await db.registration.findUnique({ where: { id: registrationId }, select: { contactCadreId: true } });
      if (!row) return { ok: false, reason: 'not-found', args: {} };
      const result = await turnWorkflow(db, now).fire({
        actor,
        channel: channelOf(user),
        registrationId,
        event: payload.event,
        payload: (await workflowPayload(user, registrationId, payload, now)) as never,
      });
      return toActionResult(result, row.contactCadreId);
    },

    rubric: rubricFor,
    approverTier,
  };
}
