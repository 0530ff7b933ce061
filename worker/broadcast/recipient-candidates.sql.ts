import { Prisma } from '../../prisma/generated/client.js';
import type { BroadcastAudience, BroadcastKind } from './broadcast-vocabulary.js';
import { topicsFor } from './broadcast-vocabulary.js';
import type { AudienceUnits } from './audience-units.js';
import { vietnamMonthOf } from './oa-monthly-quota.js';

export interface CandidateQuery {
  audience: BroadcastAudience;
  kind: BroadcastKind;
  units: AudienceUnits;
  now: Date;
  /** Zalo OA broadcasts per follower per month (domain §2.6). */
  oaMonthlyQuota: number;
  /** Zalo OA free window (48 h). */
  oaWindowMs: number;
}

/**
 * One SELECT yielding every recipient of a broadcast with its channel, chat, locale and
 * — for those who must not be sent to — the skip reason. Residents are active
 * subscribers whose interests meet the audience units (and whose topics fit the kind);
 * cadres are active cadres of units in the subtree with a chat account. A person who is
 * both gets one row (as a cadre). Used for the preview counts and, with keyset paging,
 * to write the recipient rows.
 */
export function candidateSelect(q: CandidateQuery, page?: { afterUserId: string; limit: number }): Prisma.Sql {
  const wantResidents = q.audience !== 'cadres';
  const wantCadres = q.audience !== 'residents';
  const windowStart = new Date(q.now.getTime() - q.oaWindowMs);
  // The OA quota counts this calendar month (Vietnam time); an older month's count is 0.
  const month = vietnamMonthOf(q.now);
  const monthCount = Prisma.sql`CASE WHEN s.broadcasts_month = ${month} THEN s.broadcasts_this_month ELSE 0 END`;
  const paging = page ? Prisma.sql`WHERE c.user_id > ${page.afterUserId} ORDER BY c.user_id LIMIT ${page.limit}` : Prisma.empty;
  return Prisma.sql`
    WITH residents AS (
      SELECT s.user_id, 'resident'::text AS audience, ${monthCount} AS month_count
      FROM subscriber s
      WHERE ${wantResidents}
        AND s.units_of_interest && ${q.units.interestUnitIds}::text[]
        AND NOT s.blocked AND s.opted_in_at IS NOT NULL
        AND (s.opted_out_at IS NULL OR s.opted_out_at < s.opted_in_at)
        AND (cardinality(s.topics) = 0 OR s.topics && ${topicsFor(q.kind)}::text[])
    ), cadres AS (
      SELECT cu.id AS user_id, 'cadre'::text AS audience, coalesce(${monthCount}, 0) AS month_count
      FROM chat_user cu
      JOIN cadre k ON k.id = cu.cadre_id
      LEFT JOIN subscriber s ON s.user_id = cu.id
      WHERE ${wantCadres} AND k.status = 'active' AND k.unit_id = ANY(${q.units.cadreUnitIds}::text[])
    ), candidates AS (
      SELECT DISTINCT ON (user_id) user_id, audience, month_count
      FROM (SELECT * FROM cadres UNION ALL SELECT * FROM residents) x
      ORDER BY user_id, audience
    )
    SELECT c.user_id, cu.channel, cu.chat_id, c.audience, cu.locale,
      CASE
        WHEN rs.user_id IS NOT NULL AND rs.reason = 'outside_window' THEN 'outside_window'
        WHEN rs.user_id IS NOT NULL THEN 'unreachable'
        WHEN cu.channel = 'zalo-oa' AND c.month_count >= ${q.oaMonthlyQuota} THEN 'oa_quota'
        WHEN cu.channel = 'zalo-oa' AND (cu.last_inbound_at IS NULL OR cu.last_inbound_at < ${windowStart}) THEN 'outside_window'
        ELSE NULL
      END AS skip_reason
    FROM candidates c
    JOIN chat_user cu ON cu.id = c.user_id
    LEFT JOIN recipient_status rs ON rs.user_id = c.user_id
    ${paging}`;
}
