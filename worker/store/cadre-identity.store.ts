import type { ChatIdentity } from '../../bot/core/identity.js';
import { maskPhone } from '../../bot/core/mask-phone.js';
import type { CadreProfile } from '../../bot/features/cadre/cadre-services.js';
import { vietnamDateOf } from '../../bot/domain/iso-date.js';
import type { CadreActor, CadreStatus, Role } from '../../bot/domain/roles.js';
import { isWithin } from '../../bot/domain/iso-date.js';
import type { Db } from '../../runtime/database.js';
import { loadCadreActor } from './cadre.repository.js';
import { toIsoDate } from './store-dates.js';
import { findChatUser } from '../inbound/chat-user.store.js';
import type { TurnChatUser } from './turn-chat-user.js';

/** Console test identities get a cadre record of their own so registrations can name a contact. */
const CONSOLE_CADRE_PREFIX = 'console-';

/** "+84900000001" → "09xx xxx 001": cadres read their numbers in the 0-prefixed form. */
export function maskedLocalPhone(e164: string | null): string | null {
  if (!e164) return null;
  const local = e164.startsWith('+84') ? `0${e164.slice(3)}` : e164;
  return maskPhone(local);
}

/**
 * The cadre record behind a chat account. Real channels only trust a binding made with
 * an invite code (`chat_user.cadre_id`). The console, a development tool that lets the
 * caller pick any role, gets a demo cadre mirroring the role and unit chosen there.
 * `known`: the turn's row (turn-chat-user.ts), which spares the read on every text turn.
 */
export async function cadreIdFor(db: Db, user: ChatIdentity, known?: TurnChatUser): Promise<string | null> {
  const row = known?.get(user.userId) ?? (await findChatUser(db, user.userId));
  if (!row) return null;
  const consoleStaff = row.channel === 'console' && row.role !== 'resident' && row.unitId !== null;
  if (row.cadreId && !(consoleStaff && row.cadreId.startsWith(CONSOLE_CADRE_PREFIX))) return row.cadreId;
  if (!consoleStaff) return row.cadreId;
  const cadreId = row.cadreId ?? `${CONSOLE_CADRE_PREFIX}${row.platformUserId}`;
  const fields = { fullName: row.displayName ?? row.platformUserId, unitId: row.unitId!, status: 'active', demo: true };
  await db.cadre.upsert({ where: { id: cadreId }, create: { id: cadreId, position: null, ...fields }, update: fields });
  const grants = await db.cadreRole.findMany({ where: { cadreId } });
  if (grants.length !== 1 || grants[0]!.role !== row.role || grants[0]!.scopeUnitId !== row.unitId) {
    await db.cadreRole.deleteMany({ where: { cadreId } });
    await db.cadreRole.create({ data: { cadreId, role: row.role, scopeUnitId: row.unitId! } });
  }
  if (!row.cadreId) {
    await db.chatUser.update({ where: { id: row.id }, data: { cadreId } });
    known?.forget();
  }
  return cadreId;
}

export async function actorFor(db: Db, user: ChatIdentity): Promise<CadreActor | null> {
  const cadreId = await cadreIdFor(db, user);
  return cadreId ? ((await loadCadreActor(db, cadreId)) ?? null) : null;
}

/** The profile the flows show; `formerUnit` is set when the cadre's unit was abolished. */
export async function loadCadreProfile(db: Db, cadreId: string, now: Date): Promise<CadreProfile | null> {
  const cadre = await db.cadre.findUnique({
    where: { id: cadreId },
    include: { roles: true, unit: { include: { successors: { include: { to: { select: { id: true, name: true } } } } } } },
  });
  if (!cadre) return null;
  const today = vietnamDateOf(now);
  const abolished = toIsoDate(cadre.unit.validTo);
  const formerUnit =
    abolished !== null && abolished < today
      ? { name: cadre.unit.name, successors: cadre.unit.successors.map((s) => ({ id: s.to.id, name: s.to.name })) }
      : null;
  const live = cadre.roles.filter((r) => !r.suspended && isWithin(today, toIsoDate(r.validFrom), toIsoDate(r.validTo)));
  return {
    cadreId: cadre.id,
    fullName: cadre.fullName,
    position: cadre.position,
    phoneMasked: maskedLocalPhone(cadre.phoneE164),
    unitId: cadre.unitId,
    unitName: cadre.unit.name,
    status: cadre.status as CadreStatus,
    roles: [...new Set(live.map((r) => r.role as Role))],
    formerUnit,
    rolesSuspended: cadre.roles.some((r) => r.suspended),
  };
}

/** The role a linked account shows in menus: the broadest it holds. */
export function primaryRole(roles: readonly string[]): string {
  for (const role of ['admin', 'approver', 'reviewer', 'broadcaster', 'cadre']) if (roles.includes(role)) return role;
  return 'resident';
}
