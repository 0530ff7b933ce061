import type { OutboundMessage } from '../../bot/core/outbound-message.js';
import type { Db } from '../../runtime/database.js';
import { writeOutboxRow } from '../outbound/outbox.js';
import type { ReminderRecipient } from './reminder-planner.js';

/** What one firing is about; with the recipient it is the UNIQUE key of `reminder_firing`. */
export interface FiringKey {
  kind: string;
  targetId: string;
  occurrence: string;
  ruleId: string | null;
  fireAt: Date;
}

/** The recipient id of a cancellation row: it switches the occurrence off for everyone. */
export const ALL_RECIPIENTS = '*';

/**
 * Sends one occurrence to its recipients exactly once, on the caller's transaction:
 * for each recipient the firing row is claimed (INSERT … ON CONFLICT DO NOTHING) and
 * the outbox row written in the same transaction, so a second sweep, a retried job or a
 * restarted worker finds the row taken and sends nothing. A cancelled occurrence sends
 * nothing. Returns the outbox ids written (the caller queues them after commit; held
 * ones need no queueing, the sweeper releases them).
 */
export async function fireOnce(
  db: Db,
  key: FiringKey,
  recipients: readonly ReminderRecipient[],
  render: (locale: string) => OutboundMessage,
  now: Date,
  options: { hold?: boolean } = {},
): Promise<bigint[]> {
  // Held (quiet hours): the firing and its outbox row are written now, as `held`; the
  // reminder sweeper releases them at `fireAt` (release-held.ts). Claimed once either way.
  const status = options.hold ? 'held' : 'sent';
  const cancelled = await db.reminderFiring.findUnique({
    where: { kind_targetId_recipientId_occurrence: { kind: key.kind, targetId: key.targetId, recipientId: ALL_RECIPIENTS, occurrence: key.occurrence } },
    select: { id: true },
  });
  if (cancelled) return [];
  const written: bigint[] = [];
  for (const recipient of recipients) {
    const claimed = await db.$queryRaw<Array<{ id: bigint }>>`
      INSERT INTO reminder_firing (kind, target_id, recipient_id, occurrence, rule_id, status, fire_at, fired_at)
      VALUES (${key.kind}, ${key.targetId}, ${recipient.userId}, ${key.occurrence}, ${key.ruleId}, ${status}, ${key.fireAt}, ${now})
      ON CONFLICT (kind, target_id, recipient_id, occurrence) DO NOTHING
      RETURNING id`;
    const firingId = claimed[0]?.id;
    if (firingId === undefined) continue;
    const message = render(recipient.locale);
    const outboundId = await writeOutboxRow(db, { ...recipient, message, inReplyTo: null });
    await db.reminderFiring.update({ where: { id: firingId }, data: { outboundId } });
    // The send worker and the outbox relay only touch `pending` rows: a held one waits.
    if (options.hold) await db.outboundMessage.update({ where: { id: outboundId }, data: { status: 'held' } });
    if (message.buttons && message.buttons.length > 0) await offerButtons(db, recipient.userId, message);
    written.push(outboundId);
  }
  return written;
}

/**
 * On Zalo Bot (no buttons) people answer a reminder with "1". When the recipient is
 * not in the middle of a flow, the reminder's options become the last offered ones so
 * "1" picks "Nộp báo cáo ngay". The per-user lock is the one turns take, so this never
 * interleaves with a turn of the same user; a user inside a flow keeps their options.
 */
async function offerButtons(db: Db, userId: string, message: OutboundMessage): Promise<void> {
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${userId}))`;
  const buttons = JSON.stringify(message.buttons);
  await db.$executeRaw`
    INSERT INTO conversation_state (user_id, version, data, last_buttons, updated_at)
    VALUES (${userId}, 1, '{}'::jsonb, ${buttons}::jsonb, now())
    ON CONFLICT (user_id) DO UPDATE SET last_buttons = EXCLUDED.last_buttons, version = conversation_state.version + 1, updated_at = now()
    WHERE conversation_state.flow IS NULL`;
}

/** Switches occurrences off before they fire (report filed, registration withdrawn, event cancelled). */
export async function cancelOccurrences(db: Db, keys: readonly FiringKey[], now: Date): Promise<number> {
  let count = 0;
  for (const key of keys) {
    const done = await db.$executeRaw`
      INSERT INTO reminder_firing (kind, target_id, recipient_id, occurrence, rule_id, status, fire_at, fired_at)
      VALUES (${key.kind}, ${key.targetId}, ${ALL_RECIPIENTS}, ${key.occurrence}, ${key.ruleId}, 'cancelled', ${key.fireAt}, ${now})
      ON CONFLICT (kind, target_id, recipient_id, occurrence) DO NOTHING`;
    count += done;
  }
  return count;
}
