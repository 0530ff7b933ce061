import type { AccountChannel } from '../../bot/core/channel-account.js';
import type { AccountKind, AccountStatus, TelegramSecrets, ZaloBotSecrets, ZaloOaSecrets } from './account-kinds.js';

/** The secrets of one account, by channel. */
export type AccountSecrets =
  | { channel: 'telegram'; secrets: TelegramSecrets }
  | { channel: 'zalo-bot'; secrets: ZaloBotSecrets }
  | { channel: 'zalo-oa'; secrets: ZaloOaSecrets };

/**
 * One bot / OA as the process knows it. `secrets()` opens the sealed columns on
 * first use and keeps the result, so loading 10,000 accounts costs one query and
 * no decryption; `source: 'env'` is the in-memory default account built from the
 * single-account environment keys.
 */
export interface ChannelAccount {
  /** `<channel>:<slug>`. */
  id: string;
  kind: AccountKind;
  channel: AccountChannel;
  slug: string;
  /** Owning unit; null for the environment's default account (it serves every ward). */
  unitId: string | null;
  displayName: string;
  status: AccountStatus;
  /** Telegram @username (groups). */
  username: string | null;
  source: 'env' | 'db';
  /** Changes whenever the row does: senders built for an older stamp are rebuilt. */
  stamp: number;
  secrets(): AccountSecrets;
}

/** What the admin API shows: never a secret. */
export function publicView(account: ChannelAccount) {
  return {
    id: account.id,
    kind: account.kind,
    channel: account.channel,
    slug: account.slug,
    unitId: account.unitId,
    displayName: account.displayName,
    status: account.status,
    username: account.username,
    source: account.source,
    webhookPath: `/webhooks/${account.channel}/${account.slug}`,
  };
}
