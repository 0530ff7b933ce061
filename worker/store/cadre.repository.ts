import type { CadreActor, CadreStatus, Role } from '../../bot/domain/roles.js';
import type { Db } from '../../runtime/database.js';
import { toIsoDate } from './store-dates.js';

/** The domain actor for a cadre record, with every role grant; undefined when unknown. */
export async function loadCadreActor(db: Db, cadreId: string): Promise<CadreActor | undefined> {
  const cadre = await db.cadre.findUnique({ where: { id: cadreId }, include: { roles: true } });
  if (!cadre) return undefined;
  return {
    kind: 'cadre',
    cadreId: cadre.id,
    status: cadre.status as CadreStatus,
    grants: cadre.roles.map((r) => ({
      role: r.role as Role,
      scopeUnitId: r.scopeUnitId,
      tierCode: r.tierCode,
      mayDecline: r.mayDecline,
      validFrom: toIsoDate(r.validFrom),
      validTo: toIsoDate(r.validTo),
      suspended: r.suspended,
    })),
  };
}

/** The cadre a chat account is bound to (through an invite code), if any. */
export async function loadActorForChatUser(db: Db, chatUserId: string): Promise<CadreActor | undefined> {
  const user = await db.chatUser.findUnique({ where: { id: chatUserId }, select: { cadreId: true } });
  return user?.cadreId ? loadCadreActor(db, user.cadreId) : undefined;
}

/**
 * Binds a chat account to the cadre an invite code was issued for. One statement
 * marks the code used only if it is unused and unexpired, so a code works once even
 * when two accounts race for it. Returns the cadre id, or undefined when refused.
 */
export async function redeemInviteCode(db: Db, code: string, chatUserId: string, now: Date): Promise<string | undefined> {
  const rows = await db.$queryRaw<{ cadre_id: string }[]>`
    UPDATE "invite_code" SET "used_at" = ${now}, "used_by_user_id" = ${chatUserId}
    WHERE "code" = ${code.trim().toUpperCase()} AND "used_at" IS NULL AND "expires_at" > ${now}
    RETURNING "cadre_id"`;
  const cadreId = rows[0]?.cadre_id;
  if (cadreId) await db.chatUser.update({ where: { id: chatUserId }, data: { cadreId } });
  return cadreId;
}
