/**
 * The closed vocabularies of broadcasts (also CHECK constraints in the migration).
 * Strings, not Prisma enums, like every other status in the schema.
 */
export const BROADCAST_KINDS = ['recognition', 'event', 'deadline', 'other'] as const;
export type BroadcastKind = (typeof BROADCAST_KINDS)[number];

export const BROADCAST_AUDIENCES = ['residents', 'cadres', 'both'] as const;
export type BroadcastAudience = (typeof BROADCAST_AUDIENCES)[number];

export const BROADCAST_STATUSES = ['draft', 'pending_approval', 'scheduled', 'sending', 'done', 'stopped', 'cancelled'] as const;
export type BroadcastStatus = (typeof BROADCAST_STATUSES)[number];

/**
 * queued → claimed → sending → sent | failed_permanent | failed_temporary | skipped | stopped | uncertain.
 * `claimed`: held by a lane, nothing sent yet (safe to claim again after the lease).
 * `sending`: the platform request is on the wire (committed right before it leaves).
 * `uncertain`: a `sending` row whose worker died (lease expired): the platform may or may not
 * have delivered it, and no platform lets us ask. Never resent automatically; staff decide.
 */
export const RECIPIENT_STATES = ['queued', 'claimed', 'sending', 'sent', 'failed_permanent', 'failed_temporary', 'skipped', 'stopped', 'uncertain'] as const;
export type RecipientState = (typeof RECIPIENT_STATES)[number];

/** Why a recipient was skipped (recorded on the row, shown in the preview). */
export const SKIP_REASONS = ['opted_out', 'unreachable', 'oa_quota', 'outside_window', 'no_sender'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** Today each channel has one account from the environment; per-ward bots / OAs will add more. */
export function defaultChannelAccount(channel: string): string {
  return `${channel}:default`;
}

/** The pacer's credential for an account: "telegram:default" → "default" (the Pacer namespaces by channel). */
export function credentialOf(channelAccount: string): string {
  const at = channelAccount.indexOf(':');
  return at < 0 ? channelAccount : channelAccount.slice(at + 1);
}

/** Subscriber topics a kind of broadcast goes to (a subscriber with no topics gets everything). */
export function topicsFor(kind: BroadcastKind): string[] {
  if (kind === 'recognition') return ['all', 'recognitions'];
  if (kind === 'event') return ['all', 'events'];
  return ['all', 'events', 'recognitions'];
}
