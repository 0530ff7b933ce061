import { randomUUID } from 'node:crypto';
import type { ChatIdentity } from '../../bot/core/identity.js';
import { foldText } from '../../bot/core/fold.js';
import { vietnamDateOf } from '../../bot/domain/iso-date.js';
import { parseQuietHours } from '../../bot/domain/quiet-hours.js';
import type { CadreActor, Role } from '../../bot/domain/roles.js';
import { createScopePolicy } from '../../bot/domain/scope-policy.js';
import { isUnitValidOn } from '../../bot/domain/unit-tree.js';
import type { BroadcastApi, BroadcastAudience, BroadcastKind, BroadcastPolicy, BroadcastSummary } from '../../bot/features/staff/broadcast/broadcast-services.js';
import type { Db } from '../../runtime/database.js';
import { sendableCount } from '../broadcast/audience-plan.js';
import { cancelBroadcast, resendUncertain, resumeBroadcast, retryFailed, stopBroadcast } from '../broadcast/broadcast-control.js';
import { broadcastProgress } from '../broadcast/broadcast-progress.js';
import { DEFAULT_BROADCAST_SETTINGS, type BroadcastSettings } from '../broadcast/broadcast-settings.js';
import { previewBroadcastAudience } from '../broadcast/plan-broadcast.js';
import { actorFor } from './cadre-identity.store.js';
import { loadCadreActor } from './cadre.repository.js';
import { loadTierCatalog, loadUnitTree } from './unit-tree.repository.js';

export interface BroadcastServiceOptions {
  policy?: BroadcastPolicy;
  settings?: BroadcastSettings;
}

export const DEFAULT_BROADCAST_POLICY: BroadcastPolicy = { quietHours: parseQuietHours('21:00-07:00'), approvalThreshold: 500, hotlines: [] };

const COMPOSERS: Role[] = ['broadcaster', 'admin'];
/** Who may approve someone else's announcement (issue 11: another broadcaster/approver/admin in scope). */
const APPROVERS: Role[] = ['broadcaster', 'approver', 'admin'];

/** Broadcasts for the chat, on the turn's transaction: scope checks, preview, submit with approval, status. */
export function createBroadcastServices(db: Db, options: BroadcastServiceOptions = {}): BroadcastApi {
  const policy = options.policy ?? DEFAULT_BROADCAST_POLICY;
  const settings = options.settings ?? DEFAULT_BROADCAST_SETTINGS;

  async function scope() {
    const [units, tiers] = await Promise.all([loadUnitTree(db), loadTierCatalog(db)]);
    return { units, policy: createScopePolicy({ units, tiers }) };
  }

  function covers(s: Awaited<ReturnType<typeof scope>>, actor: CadreActor, roles: Role[], unitId: string, now: Date): boolean {
    const today = vietnamDateOf(now);
    return roles.some((role) => s.policy.grantCoveringLiveUnit(actor, role, unitId, today) !== undefined);
  }

  async function mayManage(user: ChatIdentity, unitId: string, now: Date): Promise<CadreActor | null> {
    const actor = await actorFor(db, user);
    return actor && covers(await scope(), actor, COMPOSERS, unitId, now) ? actor : null;
  }

  async function summary(row: NonNullable<Awaited<ReturnType<Db['broadcast']['findUnique']>>>): Promise<BroadcastSummary> {
    const unit = await db.unit.findUnique({ where: { id: row.unitId }, select: { name: true } });
    const progress = await broadcastProgress(db, row.id);
    return {
      id: row.id,
      kind: row.kind as BroadcastKind,
      audience: row.audience as BroadcastAudience,
      unitName: unit?.name ?? row.unitId,
      status: row.status,
      sendAt: row.scheduledAt,
      expectedCount: row.expectedCount,
      body: row.body,
      byState: progress.byState,
    };
  }

  const api: BroadcastApi = {
    policy,

    async author(user, now) {
      const actor = await actorFor(db, user);
      if (!actor || actor.status !== 'active') return null;
      const today = vietnamDateOf(now);
      const grant = actor.grants.find((g) => COMPOSERS.includes(g.role) && !g.suspended && (!g.validTo || g.validTo >= today));
      if (!grant) return null;
      const unit = await db.unit.findUnique({ where: { id: grant.scopeUnitId }, select: { name: true } });
      return { cadreId: actor.cadreId, scopeUnitId: grant.scopeUnitId, scopeUnitName: unit?.name ?? grant.scopeUnitId };
    },

    async findUnit(text, now) {
      const wanted = foldText(text);
      const { units } = await scope();
      const today = vietnamDateOf(now);
      const live = units.all().filter((u) => isUnitValidOn(u, today));
      const names = (u: (typeof live)[number]) => [u.name, ...(u.aliases ?? [])].map(foldText);
      const hit = live.find((u) => names(u).includes(wanted)) ?? live.find((u) => names(u).some((n) => n.endsWith(` ${wanted}`) || wanted.endsWith(` ${n}`)));
      return hit ? { id: hit.id, name: hit.name } : null;
    },

    async unitToday(unitId, now) {
      const { units } = await scope();
      const unit = units.get(unitId);
      return unit && isUnitValidOn(unit, vietnamDateOf(now)) ? { id: unit.id, name: unit.name } : null;
    },

    async inScope(user, unitId, now) {
      return (await mayManage(user, unitId, now)) !== null;
    },

    async preview(_user, draft, now) {
      const p = await previewBroadcastAudience(db, draft, settings, now);
      return { sendable: p.sendable, skipped: p.skipped, sendableTotal: sendableCount(p) };
    },

    async submit(user, draft, expectedCount, now) {
      const actor = await mayManage(user, draft.unitId, now);
      if (!actor) return { ok: false, reason: 'out-of-scope' };
      const needsApproval = expectedCount > policy.approvalThreshold;
      const approvers: string[] = [];
      if (needsApproval) {
        const s = await scope();
        const candidates = await db.cadreRole.findMany({ where: { role: { in: APPROVERS }, suspended: false, cadreId: { not: actor.cadreId } }, select: { cadreId: true } });
        for (const cadreId of new Set(candidates.map((c) => c.cadreId))) {
          const other = await loadCadreActor(db, cadreId);
          if (other && other.status === 'active' && covers(s, other, APPROVERS, draft.unitId, now)) approvers.push(cadreId);
        }
        if (approvers.length === 0) return { ok: false, reason: 'no-approver' };
      }
      const id = randomUUID();
      await db.broadcast.create({
        data: {
          id,
          authorCadreId: actor.cadreId,
          authorUserId: user.userId,
          kind: draft.kind,
          audience: draft.audience,
          unitId: draft.unitId,
          body: draft.body.normalize('NFC'),
          scheduledAt: draft.sendAt,
          expectedCount,
          needsApproval,
          status: needsApproval ? 'pending_approval' : 'scheduled',
        },
      });
      return { ok: true, id, status: needsApproval ? 'pending_approval' : 'scheduled', approverCadreIds: approvers };
    },

    async approve(user, broadcastId, now) {
      const row = await db.broadcast.findUnique({ where: { id: broadcastId } });
      if (!row) return { ok: false, reason: 'not-found' };
      const actor = await actorFor(db, user);
      if (!actor || !covers(await scope(), actor, APPROVERS, row.unitId, now)) return { ok: false, reason: 'out-of-scope' };
      if (actor.cadreId === row.authorCadreId) return { ok: false, reason: 'own' };
      const changed = await db.broadcast.updateMany({ where: { id: broadcastId, status: 'pending_approval' }, data: { status: 'scheduled', approvedBy: actor.cadreId, approvedAt: now } });
      if (changed.count === 0) return { ok: false, reason: 'not-pending' };
      const approved = (await db.broadcast.findUnique({ where: { id: broadcastId } }))!;
      return { ok: true, authorCadreId: row.authorCadreId, summary: await summary(approved) };
    },

    async pendingApprovals(user, now) {
      const actor = await actorFor(db, user);
      if (!actor) return [];
      const rows = await db.broadcast.findMany({ where: { status: 'pending_approval', authorCadreId: { not: actor.cadreId } }, orderBy: { createdAt: 'asc' }, take: 20 });
      const s = await scope();
      return Promise.all(rows.filter((r) => covers(s, actor, APPROVERS, r.unitId, now)).map(summary));
    },

    async latest(user) {
      const actor = await actorFor(db, user);
      if (!actor) return null;
      const row = await db.broadcast.findFirst({ where: { authorCadreId: actor.cadreId, status: { not: 'draft' } }, orderBy: { createdAt: 'desc' } });
      return row ? summary(row) : null;
    },

    async scheduledBetween(user, from, to, now) {
      const actor = await actorFor(db, user);
      if (!actor) return [];
      const rows = await db.broadcast.findMany({
        where: { status: { in: ['scheduled', 'pending_approval'] }, OR: [{ scheduledAt: null }, { scheduledAt: { gte: from, lt: to } }] },
        orderBy: [{ scheduledAt: 'asc' }, { createdAt: 'asc' }],
        take: 50,
      });
      const s = await scope();
      const mine = rows.filter((r) => covers(s, actor, COMPOSERS, r.unitId, now));
      return Promise.all(mine.map(summary));
    },

    async cancel(user, id, now) {
      const row = await db.broadcast.findUnique({ where: { id }, select: { unitId: true } });
      return row !== null && (await mayManage(user, row.unitId, now)) !== null && cancelBroadcast(db, id);
    },
    async stop(user, id, now) {
      const row = await db.broadcast.findUnique({ where: { id }, select: { unitId: true } });
      return row !== null && (await mayManage(user, row.unitId, now)) !== null && stopBroadcast(db, id);
    },
    async resume(user, id, now) {
      const row = await db.broadcast.findUnique({ where: { id }, select: { unitId: true } });
      return row !== null && (await mayManage(user, row.unitId, now)) !== null && resumeBroadcast(db, id);
    },
    async retryFailed(user, id, now) {
      const row = await db.broadcast.findUnique({ where: { id }, select: { unitId: true } });
      if (!row || !(await mayManage(user, row.unitId, now))) return null;
      return retryFailed(db, id);
    },
    async resendUncertain(user, id, now) {
      const row = await db.broadcast.findUnique({ where: { id }, select: { unitId: true } });
      if (!row || !(await mayManage(user, row.unitId, now))) return null;
      return resendUncertain(db, id);
    },
  };
  return api;
}
