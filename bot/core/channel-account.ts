import type { Channel } from './inbound-event.js';

/**
 * Channel accounts: one bot or OA of one ward. An account is named by its
 * channel and a slug, `telegram:ward-a`; the environment's single-account keys are
 * the slug `default` of each channel (`telegram:default`), so a one-ward
 * deployment never sees a slug anywhere.
 *
 * Chat users are keyed by (account, platform id): the default account keeps the
 * historical id `telegram:123`, any other account inserts its slug,
 * `telegram:ward-a:123`. The channel stays the first segment, so code that reads
 * the channel off a user id keeps working.
 */
export const DEFAULT_ACCOUNT = 'default';

/** Slugs appear in URLs, user ids and queue keys: lowercase letters, digits and `-`. */
export const ACCOUNT_SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The platforms that can have accounts (the console has none). */
export type AccountChannel = Exclude<Channel, 'console'>;

/** `<channel>:<slug>`, the form of `broadcast_recipient.channel_account` and `channel_account.id`. */
export function channelAccountId(channel: Channel, slug: string): string {
  return `${channel}:${slug}`;
}

/** `telegram:ward-a` → `{ channel: 'telegram', slug: 'ward-a' }`. */
export function parseChannelAccountId(id: string): { channel: string; slug: string } {
  const at = id.indexOf(':');
  return at < 0 ? { channel: id, slug: DEFAULT_ACCOUNT } : { channel: id.slice(0, at), slug: id.slice(at + 1) };
}

/** The user id of `platformUserId` on `slug` of `channel` (see the module comment). */
export function accountUserId(channel: Channel, platformUserId: string | number, slug: string = DEFAULT_ACCOUNT): string {
  return slug === DEFAULT_ACCOUNT ? `${channel}:${platformUserId}` : `${channel}:${slug}:${platformUserId}`;
}

/** Which account a namespaced user (or chat) id belongs to: `telegram:ward-a:1` → `ward-a`, `telegram:1` → `default`. */
export function accountOfUserId(userId: string): string {
  const first = userId.indexOf(':');
  if (first < 0 || userId.startsWith('console:')) return DEFAULT_ACCOUNT;
  const second = userId.indexOf(':', first + 1);
  return second < 0 ? DEFAULT_ACCOUNT : userId.slice(first + 1, second);
}

/** The platform's own id inside a namespaced user id: `telegram:ward-a:1` → `1`. */
export function platformIdOfUserId(userId: string): string {
  if (userId.startsWith('console:')) return userId.slice('console:'.length);
  return userId.slice(userId.lastIndexOf(':') + 1);
}

/** `<channel>:<slug>` of the account a user wrote to. */
export function channelAccountOfUserId(userId: string): string {
  const first = userId.indexOf(':');
  const channel = first < 0 ? userId : userId.slice(0, first);
  return `${channel}:${accountOfUserId(userId)}`;
}
