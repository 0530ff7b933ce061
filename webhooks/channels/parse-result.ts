import type { InboundEvent } from '../../bot/core/inbound-event.js';

/**
 * What a platform parser makes of one delivery:
 * - `event`: enqueue it;
 * - `ignore`: valid, but nothing for the bot to do (echoes of our own sends,
 *   delivery receipts, edits, updates without a user) → 200, nothing enqueued;
 * - `invalid`: not the platform's envelope at all → 400 with `reason`.
 * Unknown event *names* are never `invalid`: they become `kind: 'unsupported'`.
 */
export type ParseResult =
  | { outcome: 'event'; event: InboundEvent }
  | { outcome: 'ignore'; reason: string }
  | { outcome: 'invalid'; reason: string };

/** Text from users is stored NFC so that "ế" typed two ways compares equal. */
export function nfc(text: string | undefined): string | undefined {
  return text === undefined ? undefined : text.normalize('NFC');
}

/** ISO UTC from epoch ms; falls back to `now` when the platform sent nothing usable. */
export function isoFromMs(ms: number | undefined, now: Date): string {
  if (ms === undefined || !Number.isFinite(ms) || ms <= 0) return now.toISOString();
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? now.toISOString() : date.toISOString();
}

/** Job ids must not contain `:` (BullMQ 6 throws); keep event ids to a safe alphabet. */
export function safeIdPart(value: string): string {
  return value.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 150);
}

export function truncate(text: string | undefined, max: number): string | undefined {
  if (text === undefined) return undefined;
  return text.length <= max ? text : text.slice(0, max);
}
