import type { Db } from '../../../runtime/database.js';

export interface SeededAudience {
  /** Per channel, how many active subscribers of the unit were written. */
  perChannel: Record<string, number>;
}

/** The platform user id of the n-th seeded subscriber (Zalo OA ids are 18–19 digits, the others anything). */
export function seededPlatformId(channel: string, prefix: string, n: number): string {
  return channel === 'zalo-oa' ? `9${String(n).padStart(17, '0')}` : `${prefix}${channel.replace('-', '')}${n}`;
}

export function seededUserId(channel: string, prefix: string, n: number): string {
  return `${channel}:${seededPlatformId(channel, prefix, n)}`;
}

/**
 * Writes `perChannel` subscribers of `unitId` on each channel (chat_user + subscriber,
 * one INSERT … SELECT generate_series per channel, so thousands take milliseconds).
 * Zalo OA followers wrote recently (inside the 48 h window) unless `oaSilent`.
 */
export async function seedSubscribers(
  db: Db,
  options: { unitId: string; perChannel: Record<string, number>; prefix: string; now: Date },
): Promise<SeededAudience> {
  for (const [channel, count] of Object.entries(options.perChannel)) {
    // Same ids as seededPlatformId, built in SQL.
    const oa = channel === 'zalo-oa';
    const tag = `${options.prefix}${channel.replace('-', '')}`;
    await db.$executeRaw`
      INSERT INTO chat_user (id, channel, platform_user_id, chat_id, role, locale, last_inbound_at, created_at, updated_at)
      SELECT ${channel} || ':' || p, ${channel}, p, p, 'resident', 'vi', ${options.now}, now(), now()
      FROM (SELECT CASE WHEN ${oa} THEN '9' || lpad(g::text, 17, '0') ELSE ${tag} || g END AS p FROM generate_series(1, ${count}::int) g) x
      ON CONFLICT (id) DO UPDATE SET last_inbound_at = EXCLUDED.last_inbound_at`; // Zalo OA ids ignore the prefix: a second audience reuses them
    await db.$executeRaw`
      INSERT INTO subscriber (user_id, units_of_interest, topics, opted_in_at, locale, created_at, updated_at)
      SELECT ${channel} || ':' || p, ARRAY[${options.unitId}]::text[], ARRAY[]::text[], ${options.now}, 'vi', now(), now()
      FROM (SELECT CASE WHEN ${oa} THEN '9' || lpad(g::text, 17, '0') ELSE ${tag} || g END AS p FROM generate_series(1, ${count}::int) g) x`;
  }
  return { perChannel: options.perChannel };
}

/** A broadcast row ready to go (already approved), as the composer writes it. */
export async function createReadyBroadcast(db: Db, id: string, fields: { unitId: string; body: string; audience?: string; scheduledAt?: Date | null }) {
  return db.broadcast.create({
    data: {
      id,
      authorCadreId: 'demo-broadcaster-cuanam',
      authorUserId: 'console:demo-broadcaster-cuanam',
      kind: 'recognition',
      body: fields.body,
      unitId: fields.unitId,
      audience: fields.audience ?? 'residents',
      status: 'scheduled',
      scheduledAt: fields.scheduledAt ?? null,
    },
  });
}

/** Polls PostgreSQL (the truth) until the broadcast reaches `status`. */
export async function waitForStatus(db: Db, id: string, status: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const row = await db.broadcast.findUnique({ where: { id }, select: { status: true } });
    if (row?.status === status) return;
    if (Date.now() > end) throw new Error(`broadcast ${id} is ${row?.status ?? 'missing'}, expected ${status} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** How many times each chat got a message from a fake, by the chat id field the fake's API uses. */
export function deliveriesPerChat(calls: Array<{ body: Record<string, unknown> }>, chatOf: (body: Record<string, unknown>) => string | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of calls) {
    const chat = chatOf(call.body);
    if (chat !== undefined) counts.set(chat, (counts.get(chat) ?? 0) + 1);
  }
  return counts;
}
