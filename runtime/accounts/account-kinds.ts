import { z } from 'zod';
import { ACCOUNT_SLUG, type AccountChannel } from '../../bot/core/channel-account.js';

/** `channel_account.kind` (no CHECK constraint in the database: this list is the check). */
export const ACCOUNT_KINDS = ['telegram', 'zalo_bot', 'zalo_oa'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const ACCOUNT_STATUSES = ['active', 'disabled'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

const CHANNEL_OF_KIND: Record<AccountKind, AccountChannel> = { telegram: 'telegram', zalo_bot: 'zalo-bot', zalo_oa: 'zalo-oa' };
const KIND_OF_CHANNEL: Record<AccountChannel, AccountKind> = { telegram: 'telegram', 'zalo-bot': 'zalo_bot', 'zalo-oa': 'zalo_oa' };

export function channelOfKind(kind: AccountKind): AccountChannel {
  return CHANNEL_OF_KIND[kind];
}

export function kindOfChannel(channel: AccountChannel): AccountKind {
  return KIND_OF_CHANNEL[channel];
}

export function isAccountKind(value: string): value is AccountKind {
  return (ACCOUNT_KINDS as readonly string[]).includes(value);
}

export function isAccountStatus(value: string): value is AccountStatus {
  return (ACCOUNT_STATUSES as readonly string[]).includes(value);
}

const webhookSecret = z.string().regex(/^[A-Za-z0-9_-]{8,256}$/, 'use 8–256 characters from A–Z a–z 0–9 _ - (e.g. `openssl rand -hex 32`)');

/** What each kind needs, as the admin API takes it (sealed before it is stored). */
export const telegramSecretsSchema = z.object({
  token: z.string().trim().regex(/^\d+:[A-Za-z0-9_-]+$/, 'must look like 123456:ABC-def (from @BotFather)'),
  webhookSecret,
});
export const zaloBotSecretsSchema = z.object({
  token: z.string().trim().regex(/^\d+:\S+$/, 'must look like 1234567890:abc-xyz (sent by Zalo Bot Creator)'),
  webhookSecret,
});
export const zaloOaSecretsSchema = z.object({
  appId: z.string().trim().min(1),
  appSecret: z.string().trim().min(1),
  /** The OA secret key of the webhook MAC. */
  secretKey: z.string().trim().min(1),
  accessToken: z.string().trim().min(1),
  refreshToken: z.string().trim().min(1),
});
export type TelegramSecrets = z.infer<typeof telegramSecretsSchema>;
export type ZaloBotSecrets = z.infer<typeof zaloBotSecretsSchema>;
export type ZaloOaSecrets = z.infer<typeof zaloOaSecretsSchema>;

const common = {
  slug: z.string().regex(ACCOUNT_SLUG, 'lowercase letters, digits and -, at most 63, e.g. p-cua-nam'),
  unitId: z.string().trim().min(1).max(200),
  displayName: z.string().trim().min(1).max(200),
};

/** `POST /admin/api/accounts`. */
export const createAccountSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('telegram'), ...common, username: z.string().regex(/^@?[A-Za-z0-9_]{3,64}$/).transform((u) => u.replace(/^@/, '')).optional(), credentials: telegramSecretsSchema }),
  z.object({ kind: z.literal('zalo_bot'), ...common, credentials: zaloBotSecretsSchema }),
  z.object({ kind: z.literal('zalo_oa'), ...common, credentials: zaloOaSecretsSchema }),
]);
export type CreateAccountInput = z.infer<typeof createAccountSchema>;
