import type { Db } from '../../runtime/database.js';
import { candidateSelect, type CandidateQuery } from './recipient-candidates.sql.js';

export interface AudiencePreview {
  /** Everyone in the audience, skipped ones included. */
  total: number;
  /** Who would be sent to, per channel and audience part. */
  sendable: Record<string, { residents: number; cadres: number }>;
  /** Who would not, per reason (opted_out, unreachable, oa_quota, outside_window). */
  skipped: Record<string, number>;
}

/** Counts for the preview: the same query the plan writes, grouped (no rows written). */
export async function previewAudience(db: Db, q: CandidateQuery): Promise<AudiencePreview> {
  const rows = await db.$queryRaw<Array<{ channel: string; audience: string; skip_reason: string | null; n: number }>>`
    SELECT channel, audience, skip_reason, count(*)::int AS n FROM (${candidateSelect(q)}) t GROUP BY 1, 2, 3`;
  const preview: AudiencePreview = { total: 0, sendable: {}, skipped: {} };
  for (const row of rows) {
    preview.total += row.n;
    if (row.skip_reason) {
      preview.skipped[row.skip_reason] = (preview.skipped[row.skip_reason] ?? 0) + row.n;
      continue;
    }
    const slot = (preview.sendable[row.channel] ??= { residents: 0, cadres: 0 });
    if (row.audience === 'cadre') slot.cadres += row.n;
    else slot.residents += row.n;
  }
  return preview;
}

export function sendableCount(preview: AudiencePreview): number {
  return Object.values(preview.sendable).reduce((sum, c) => sum + c.residents + c.cadres, 0);
}

/**
 * Writes one row per recipient, `batchSize` at a time in user-id order (keyset
 * paging, one INSERT … SELECT per batch, no rows through Node). Idempotent: a plan
 * cut short by a crash is simply run again (ON CONFLICT DO NOTHING on the
 * (broadcast, user) key). Returns the number of candidates scanned.
 */
export async function planRecipients(db: Db, broadcastId: string, q: CandidateQuery, batchSize = 5_000): Promise<number> {
  let after = '';
  let scanned = 0;
  for (;;) {
    const [page] = await db.$queryRaw<Array<{ last: string | null; n: number }>>`
      WITH batch AS (${candidateSelect(q, { afterUserId: after, limit: batchSize })}),
      written AS (
        INSERT INTO broadcast_recipient (broadcast_id, user_id, channel, chat_id, channel_account, audience, locale, state, skip_reason, idempotency_key)
        SELECT ${broadcastId}, user_id, channel, chat_id,
               -- The account the recipient wrote to (bot/core/channel-account.ts): "telegram:ward-a:1" → "telegram:ward-a".
               CASE WHEN channel <> 'console' AND user_id ~ '^[^:]+:[^:]+:' THEN substring(user_id from '^[^:]+:[^:]+') ELSE channel || ':default' END,
               audience, locale,
               CASE WHEN skip_reason IS NULL THEN 'queued' ELSE 'skipped' END, skip_reason, ${broadcastId} || '.' || user_id
        FROM batch
        ON CONFLICT DO NOTHING
      )
      SELECT max(user_id) AS last, count(*)::int AS n FROM batch`;
    if (!page || page.n === 0 || page.last === null) return scanned;
    scanned += page.n;
    after = page.last;
    if (page.n < batchSize) return scanned;
  }
}

