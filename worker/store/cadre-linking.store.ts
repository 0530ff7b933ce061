import type { LinkingService } from '../../bot/features/cadre/cadre-services.js';
import type { Db } from '../../runtime/database.js';
import { appendAudit } from './audit-log.repository.js';
import { loadCadreProfile, primaryRole } from './cadre-identity.store.js';
import { loadActorForChatUser } from './cadre.repository.js';
import { loadTierCatalog, loadUnitTree } from './unit-tree.repository.js';
import { createScopePolicy } from '../../bot/domain/scope-policy.js';
import type { TurnChatUser } from './turn-chat-user.js';
import { vietnamDateOf } from '../../bot/domain/iso-date.js';

/** Five wrong codes within this window lock linking for the same length of time. */
const LOCK_MS = 15 * 60 * 1000;
const MAX_WRONG_CODES = 5;

/** "k7p2 qx" → "K7P2QX": people type codes with spaces and in lower case. */
export function normalizeInviteCode(text: string): string {
  return text.normalize('NFC').toUpperCase().replace(/[\s-]+/g, '');
}

/**
 * Account linking by one-time invite code (domain §3.1). Wrong codes are audit rows
 * (append-only), which makes the lockout durable across workers and restarts.
 * `chatUser`: the turn's row, forgotten when linking rewrites it (turn-chat-user.ts).
 */
export function createLinkingService(db: Db, chatUser?: TurnChatUser): LinkingService {
  async function lockedUntil(userId: string, now: Date): Promise<Date | null> {
    const failures = await db.auditLog.findMany({
      where: { entityType: 'chat_user', entityId: userId, action: 'account.link_failed', at: { gt: new Date(now.getTime() - 2 * LOCK_MS) } },
      orderBy: { at: 'desc' },
      take: MAX_WRONG_CODES,
      select: { at: true },
    });
    if (failures.length < MAX_WRONG_CODES) return null;
    const newest = failures[0]!.at.getTime();
    const oldest = failures.at(-1)!.at.getTime();
    if (newest - oldest > LOCK_MS) return null;
    const until = new Date(newest + LOCK_MS);
    return until > now ? until : null;
  }

  return {
    lockedUntil,

    async checkCode(userId, typed, now) {
      const code = normalizeInviteCode(typed);
      const invite = /^[A-Z0-9]{6}$/.test(code) ? await db.inviteCode.findUnique({ where: { code } }) : null;
      const reason = !invite ? 'unknown' : invite.usedAt ? 'used' : invite.expiresAt <= now ? 'expired' : null;
      if (reason || !invite) {
        await appendAudit(db, { at: now, actor: `chat:${userId}`, action: 'account.link_failed', entityType: 'chat_user', entityId: userId, before: null, after: { reason }, channel: userId.split(':')[0] as never });
        return { ok: false, reason: reason ?? 'unknown', lockedUntil: await lockedUntil(userId, now) };
      }
      const cadre = await loadCadreProfile(db, invite.cadreId, now);
      if (!cadre) return { ok: false, reason: 'unknown', lockedUntil: null };
      return { ok: true, cadre };
    },

    async confirm(userId, typed, now) {
      const code = normalizeInviteCode(typed);
      const invite = await db.inviteCode.findUnique({ where: { code } });
      if (!invite || invite.expiresAt <= now) return null;
      // Single use even if two confirmations race: only one update finds it unused.
      const taken = await db.inviteCode.updateMany({ where: { code, usedAt: null }, data: { usedAt: now, usedByUserId: userId } });
      if (taken.count !== 1) return null;
      const cadre = await db.cadre.findUnique({ where: { id: invite.cadreId }, include: { roles: true } });
      if (!cadre) return null;
      const role = primaryRole(cadre.roles.filter((r) => !r.suspended).map((r) => r.role));
      await db.chatUser.update({ where: { id: userId }, data: { cadreId: cadre.id, role: role === 'resident' ? 'cadre' : role, unitId: cadre.unitId } });
      chatUser?.forget();
      await appendAudit(db, { at: now, actor: `chat:${userId}`, action: 'account.link', entityType: 'cadre', entityId: cadre.id, before: null, after: { chatUserId: userId, code }, channel: userId.split(':')[0] as never });
      return loadCadreProfile(db, cadre.id, now);
    },

    async chooseSuccessorUnit(userId, unitId, now) {
      const user = await db.chatUser.findUnique({ where: { id: userId }, select: { cadreId: true } });
      if (!user?.cadreId) return null;
      const before = await db.cadre.findUnique({ where: { id: user.cadreId }, select: { unitId: true } });
      await db.cadre.update({ where: { id: user.cadreId }, data: { unitId } });
      // Roles wait for a staff member: a merger is exactly when scopes go wrong.
      await db.cadreRole.updateMany({ where: { cadreId: user.cadreId }, data: { suspended: true } });
      await db.chatUser.update({ where: { id: userId }, data: { unitId } });
      chatUser?.forget();
      await appendAudit(db, {
        at: now, actor: `chat:${userId}`, action: 'cadre.successor_unit_chosen', entityType: 'cadre', entityId: user.cadreId,
        before: { unitId: before?.unitId ?? null }, after: { unitId, rolesSuspended: true }, channel: userId.split(':')[0] as never,
      });
      return loadCadreProfile(db, user.cadreId, now);
    },

    async decideSuccessorUnit(staffUserId, cadreId, approve, now) {
      const cadre = await db.cadre.findUnique({ where: { id: cadreId }, include: { roles: true } });
      const suspended = cadre?.roles.filter((r) => r.suspended) ?? [];
      if (!cadre || suspended.length === 0) return { ok: false, reason: 'nothing_pending' };
      const staff = await loadActorForChatUser(db, staffUserId);
      const [units, tiers] = await Promise.all([loadUnitTree(db), loadTierCatalog(db)]);
      const scope = createScopePolicy({ units, tiers });
      const today = vietnamDateOf(now);
      const allowed = staff && (['reviewer', 'admin'] as const).some((role) => scope.grantCovering(staff, role, cadre.unitId, today));
      if (!allowed) return { ok: false, reason: 'not_allowed' };
      if (approve) {
        // Scopes of the abolished unit move to the unit the cadre chose.
        for (const role of suspended) {
          const clash = cadre.roles.some((r) => r.id !== role.id && r.role === role.role && r.scopeUnitId === cadre.unitId);
          if (clash) await db.cadreRole.delete({ where: { id: role.id } });
          else await db.cadreRole.update({ where: { id: role.id }, data: { suspended: false, scopeUnitId: cadre.unitId } });
        }
      }
      await appendAudit(db, {
        at: now, actor: `chat:${staffUserId}`, action: approve ? 'cadre.successor_unit_confirmed' : 'cadre.successor_unit_declined',
        entityType: 'cadre', entityId: cadreId, before: { rolesSuspended: true }, after: { unitId: cadre.unitId, rolesSuspended: !approve },
        channel: staffUserId.split(':')[0] as never,
      });
      const profile = await loadCadreProfile(db, cadreId, now);
      return profile ? { ok: true, cadre: profile } : { ok: false, reason: 'nothing_pending' };
    },
  };
}
