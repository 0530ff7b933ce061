import { vietnamDateOf } from '../../bot/domain/iso-date.js';
import type { Db } from '../../runtime/database.js';

/** "YYYY-MM" of an instant in Asia/Ho_Chi_Minh: the Zalo OA per-follower quota is per calendar month there. */
export function vietnamMonthOf(instant: Date): string {
  return vietnamDateOf(instant).slice(0, 7);
}

/**
 * One more Zalo OA announcement for this follower in the month of `now`. A count from
 * an earlier month starts over at 1, so the quota resets with the calendar without a job.
 */
export async function countOaBroadcast(db: Db, userId: string, now: Date): Promise<void> {
  const month = vietnamMonthOf(now);
  await db.$executeRaw`
    UPDATE subscriber SET
      broadcasts_this_month = CASE WHEN broadcasts_month = ${month} THEN broadcasts_this_month + 1 ELSE 1 END,
      broadcasts_month = ${month}
    WHERE user_id = ${userId}`;
}
