import type { Db } from '../../runtime/database.js';

/**
 * Stop, resume, retry-failed and cancel as state changes in PostgreSQL (Postman's
 * "stopping is a state change"). Used by chat and by the admin API; the lanes read the
 * broadcast's status before every batch, and the scheduler opens lanes for what is
 * queued again. Each returns false when the broadcast is not in a state that allows it.
 */
export async function stopBroadcast(db: Db, broadcastId: string): Promise<boolean> {
  const changed = await db.broadcast.updateMany({ where: { id: broadcastId, status: { in: ['sending', 'scheduled', 'pending_approval'] } }, data: { status: 'stopped' } });
  if (changed.count === 0) return false;
  // Rows on the wire finish (they may already be at the platform); claimed ones are not
  // sent (the lane's "about to send" check finds them stopped); the rest wait.
  await db.broadcastRecipient.updateMany({ where: { broadcastId, state: { in: ['queued', 'claimed'] } }, data: { state: 'stopped', notBefore: null } });
  return true;
}

export async function resumeBroadcast(db: Db, broadcastId: string): Promise<boolean> {
  const row = await db.broadcast.findUnique({ where: { id: broadcastId }, select: { status: true, plannedAt: true } });
  if (row?.status !== 'stopped') return false;
  // Not yet planned (stopped while scheduled): back to scheduled, the start job plans it.
  const status = row.plannedAt ? 'sending' : 'scheduled';
  const changed = await db.broadcast.updateMany({ where: { id: broadcastId, status: 'stopped' }, data: { status, round: { increment: 1 } } });
  if (changed.count === 0) return false;
  await db.broadcastRecipient.updateMany({ where: { broadcastId, state: 'stopped' }, data: { state: 'queued' } });
  return true;
}

/** Failed rows (temporary and permanent, never the ones a platform said are unreachable) are queued again. */
export async function retryFailed(db: Db, broadcastId: string): Promise<number | null> {
  const row = await db.broadcast.findUnique({ where: { id: broadcastId }, select: { status: true } });
  if (!row || !['done', 'sending', 'stopped'].includes(row.status)) return null;
  const requeued = await db.broadcastRecipient.updateMany({
    where: { broadcastId, OR: [{ state: 'failed_temporary' }, { state: 'failed_permanent', NOT: { error: { startsWith: 'unreachable' } } }] },
    data: { state: 'queued', attempts: 0, rateLimits: 0, notBefore: null, error: null },
  });
  if (requeued.count > 0 || row.status === 'stopped') {
    await db.broadcast.update({ where: { id: broadcastId }, data: { status: 'sending', finishedAt: null, round: { increment: 1 } } });
    if (row.status === 'stopped') await db.broadcastRecipient.updateMany({ where: { broadcastId, state: 'stopped' }, data: { state: 'queued' } });
  }
  return requeued.count;
}

/** A broadcast not yet sending can be cancelled outright. */
export async function cancelBroadcast(db: Db, broadcastId: string): Promise<boolean> {
  const changed = await db.broadcast.updateMany({ where: { id: broadcastId, status: { in: ['draft', 'pending_approval', 'scheduled'] } }, data: { status: 'cancelled' } });
  return changed.count === 1;
}

/**
 * Staff decided to resend the rows whose delivery is unknown (`uncertain`), accepting that
 * some of those citizens may get the announcement twice. Never automatic. Returns how many
 * rows were queued again, or null when the broadcast's state does not allow it.
 */
export async function resendUncertain(db: Db, broadcastId: string): Promise<number | null> {
  const row = await db.broadcast.findUnique({ where: { id: broadcastId }, select: { status: true } });
  if (!row || !['done', 'sending'].includes(row.status)) return null;
  const requeued = await db.broadcastRecipient.updateMany({ where: { broadcastId, state: 'uncertain' }, data: { state: 'queued', error: null, notBefore: null } });
  if (requeued.count > 0) {
    await db.broadcast.update({ where: { id: broadcastId }, data: { status: 'sending', finishedAt: null, round: { increment: 1 } } });
  }
  return requeued.count;
}

/** Marks the broadcast done once no row is queued, claimed or mid-send; returns its author's chat id when it did. */
export async function finishIfDrained(db: Db, broadcastId: string): Promise<string | null> {
  const rows = await db.$queryRaw<Array<{ author_user_id: string }>>`
    UPDATE broadcast SET status = 'done', finished_at = now(), updated_at = now()
    WHERE id = ${broadcastId} AND status = 'sending'
      AND NOT EXISTS (SELECT 1 FROM broadcast_recipient WHERE broadcast_id = ${broadcastId} AND state IN ('queued', 'claimed', 'sending'))
    RETURNING author_user_id`;
  return rows[0]?.author_user_id ?? null;
}
