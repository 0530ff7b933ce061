import { z } from 'zod';
import { parseSecretKey } from './accounts/secret-box.js';

/**
 * Environment variables of the three platform channels, merged into
 * `config.schema.ts`. A channel is on when its credentials are set; a half-set
 * channel is a configuration error that names what is missing.
 */
const optionalText = z.string().trim().min(1).optional();
const rootUrl = (example: string) =>
  z
    .string()
    .trim()
    .refine((value) => {
      try {
        return ['https:', 'http:'].includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, `must be an http(s) URL, e.g. ${example}`)
    .transform((value) => value.replace(/\/+$/, ''));
/** 0 = unpaced (loopback fakes and benchmarks; a warning is logged at start-up). */
const rate = (fallback: number) =>
  z.coerce.number({ error: 'must be a number of messages per second, e.g. 5 (0 = unpaced, for fakes and benchmarks)' }).min(0, 'must be ≥ 0 (0 = unpaced)').max(1000).default(fallback);
/** Telegram and Zalo Bot both accept [A-Za-z0-9_-]; Zalo requires 8–256, Telegram ≤ 256. */
const webhookSecret = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{8,256}$/, 'use 8–256 characters from A–Z a–z 0–9 _ - (e.g. `openssl rand -hex 32`)')
  .optional();

export const channelEnvShape = {
  /** `webhook` (production) or `polling` (development without a public URL: Telegram and Zalo Bot only). */
  CHANNEL_MODE: z.enum(['webhook', 'polling'], { error: 'use webhook or polling' }).default('webhook'),
  /** Public HTTPS base URL the platforms call, used by `npm run setup:webhooks`. */
  PUBLIC_BASE_URL: rootUrl('https://bot.example.vn').optional(),
  /** Minimum spacing between two messages to one chat, all workers together. */
  SEND_PER_CHAT_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  /**
   * How long one platform request of a send may take before it is abandoned and retried with backoff. A
   * request abandoned after the platform accepted it is sent again, so keep it well above the platform's
   * slowest normal answer; a low value only frees worker slots sooner when the platform hangs.
   */
  SEND_TIMEOUT_SECONDS: z.coerce.number({ error: 'must be a number of seconds, e.g. 20' }).min(1, 'must be ≥ 1').max(120, 'must be ≤ 120').default(20),

  TELEGRAM_BOT_TOKEN: z.string().trim().regex(/^\d+:[A-Za-z0-9_-]+$/, 'must look like 123456:ABC-def (from @BotFather)').optional(),
  TELEGRAM_WEBHOOK_SECRET: webhookSecret,
  TELEGRAM_API_ROOT: rootUrl('https://api.telegram.org').default('https://api.telegram.org'),
  TELEGRAM_SEND_RATE: rate(25),
  /** The bot's @username (without @): in groups, tells mentions of it and `/cmd@it` from other bots'. */
  TELEGRAM_BOT_USERNAME: z
    .string()
    .trim()
    .regex(/^@?[A-Za-z0-9_]{3,64}$/, 'must be the bot username from @BotFather, e.g. dan_van_kheo_bot')
    .transform((name) => name.replace(/^@/, ''))
    .optional(),

  ZALO_BOT_TOKEN: z.string().trim().regex(/^\d+:\S+$/, 'must look like 1234567890:abc-xyz (sent by Zalo Bot Creator)').optional(),
  ZALO_BOT_WEBHOOK_SECRET: webhookSecret,
  ZALO_BOT_API_ROOT: rootUrl('https://bot-api.zaloplatforms.com').default('https://bot-api.zaloplatforms.com'),
  ZALO_BOT_SEND_RATE: rate(5),
  /** The bot's name as group members @mention it ("@Dân vận khéo …"): removed before understanding. */
  ZALO_BOT_NAME: z.string().trim().max(100).optional(),

  ZALO_OA_APP_ID: optionalText,
  ZALO_OA_APP_SECRET: optionalText,
  ZALO_OA_SECRET_KEY: optionalText,
  ZALO_OA_ACCESS_TOKEN: optionalText,
  ZALO_OA_REFRESH_TOKEN: optionalText,
  ZALO_OA_API_ROOT: rootUrl('https://openapi.zalo.me').default('https://openapi.zalo.me'),
  ZALO_OA_OAUTH_ROOT: rootUrl('https://oauth.zaloapp.com').default('https://oauth.zaloapp.com'),
  ZALO_OA_SEND_RATE: rate(5),
  /** Free replies after the user's last message (Zalo: 48 h). */
  ZALO_OA_FREE_WINDOW_HOURS: z.coerce.number().positive().max(24 * 7).default(48),
  /** Outside the free window: `record` (do not send, mark outside_window) or `paid-consultation` (send while ≤ 7 days). */
  ZALO_OA_OUTSIDE_WINDOW: z.enum(['record', 'paid-consultation'], { error: 'use record or paid-consultation' }).default('record'),
  /**
   * Key(s) that seal the stored ward accounts' secrets (docs/channels.md "Many accounts"): 32 bytes as 64 hex
   * or base64; comma-separated while rotating, the first seals and all open.
   */
  CHANNEL_SECRET_KEY: z
    .string()
    .transform((text, ctx) => {
      const keys = text.split(',').map((part) => part.trim()).filter((part) => part !== '').map(parseSecretKey);
      if (keys.length === 0 || keys.some((key) => key === null)) {
        ctx.addIssue({ code: 'custom', message: 'must be 32 random bytes as 64 hex characters or base64 (`openssl rand -hex 32`); while rotating, new,old' });
        return z.NEVER;
      }
      return keys as Buffer[];
    })
    .optional(),
  /** How often each process checks `channel_account` for changes made by another process (admin writes in this one apply at once). */
  ACCOUNTS_REFRESH_SECONDS: z.coerce.number({ error: 'must be a number of seconds, e.g. 5' }).min(0.1).max(3600).default(5),
};

const channelEnvSchema = z.object(channelEnvShape);
export type ParsedChannelEnv = z.output<typeof channelEnvSchema>;

const OA_KEYS = ['ZALO_OA_APP_ID', 'ZALO_OA_APP_SECRET', 'ZALO_OA_SECRET_KEY', 'ZALO_OA_ACCESS_TOKEN', 'ZALO_OA_REFRESH_TOKEN'] as const;

/** Cross-field rules, for `envSchema.superRefine`. */
export function checkChannelEnv(env: ParsedChannelEnv, ctx: z.RefinementCtx): void {
  const webhook = env.CHANNEL_MODE === 'webhook';
  const pair = (token: keyof ParsedChannelEnv, secret: keyof ParsedChannelEnv, name: string) => {
    if (env[secret] && !env[token]) {
      ctx.addIssue({ code: 'custom', path: [token], message: `${secret} is set but ${token} is not; set both to turn ${name} on, or neither` });
    }
    if (env[token] && !env[secret] && webhook) {
      ctx.addIssue({ code: 'custom', path: [secret], message: `required when ${token} is set and CHANNEL_MODE=webhook (any 8–256 chars of A–Z a–z 0–9 _ -)` });
    }
  };
  pair('TELEGRAM_BOT_TOKEN', 'TELEGRAM_WEBHOOK_SECRET', 'Telegram');
  pair('ZALO_BOT_TOKEN', 'ZALO_BOT_WEBHOOK_SECRET', 'Zalo Bot');
  const setOa = OA_KEYS.filter((key) => env[key]);
  if (setOa.length > 0 && setOa.length < OA_KEYS.length) {
    for (const key of OA_KEYS.filter((k) => !env[k])) {
      ctx.addIssue({ code: 'custom', path: [key], message: `required because ${setOa.join(', ')} ${setOa.length === 1 ? 'is' : 'are'} set: Zalo OA needs all five ZALO_OA_* credentials (docs/channels.md)` });
    }
  }
}

export interface ChannelsConfig {
  mode: 'webhook' | 'polling';
  /** `CHANNEL_SECRET_KEY`: the first seals stored account secrets, all open them; empty = no key. */
  secretKeys: Buffer[];
  /** `ACCOUNTS_REFRESH_SECONDS` in ms. */
  accountsRefreshMs: number;
  /** API roots, rates and the OA window for every account of a channel, the stored ones included. */
  shared: {
    telegramApiRoot: string;
    zaloBotApiRoot: string;
    zaloOaApiRoot: string;
    zaloOaOauthRoot: string;
    sendRates: { telegram: number; 'zalo-bot': number; 'zalo-oa': number };
    zaloOaFreeWindowMs: number;
    zaloOaOutsideWindow: 'record' | 'paid-consultation';
  };
  publicBaseUrl: string | null;
  perChatIntervalMs: number;
  /** `SEND_TIMEOUT_SECONDS` in ms: one platform request of a send. */
  sendTimeoutMs: number;
  telegram: { token: string; webhookSecret: string | null; apiRoot: string; sendRate: number; username: string | null } | null;
  zaloBot: { token: string; webhookSecret: string | null; apiRoot: string; sendRate: number; name: string | null } | null;
  zaloOa: {
    appId: string;
    appSecret: string;
    secretKey: string;
    accessToken: string;
    refreshToken: string;
    apiRoot: string;
    oauthRoot: string;
    sendRate: number;
    freeWindowMs: number;
    outsideWindow: 'record' | 'paid-consultation';
  } | null;
}

export function channelsConfigFrom(env: ParsedChannelEnv): ChannelsConfig {
  return {
    mode: env.CHANNEL_MODE,
    secretKeys: env.CHANNEL_SECRET_KEY ?? [],
    accountsRefreshMs: env.ACCOUNTS_REFRESH_SECONDS * 1000,
    shared: {
      telegramApiRoot: env.TELEGRAM_API_ROOT,
      zaloBotApiRoot: env.ZALO_BOT_API_ROOT,
      zaloOaApiRoot: env.ZALO_OA_API_ROOT,
      zaloOaOauthRoot: env.ZALO_OA_OAUTH_ROOT,
      sendRates: { telegram: env.TELEGRAM_SEND_RATE, 'zalo-bot': env.ZALO_BOT_SEND_RATE, 'zalo-oa': env.ZALO_OA_SEND_RATE },
      zaloOaFreeWindowMs: env.ZALO_OA_FREE_WINDOW_HOURS * 3600_000,
      zaloOaOutsideWindow: env.ZALO_OA_OUTSIDE_WINDOW,
    },
    publicBaseUrl: env.PUBLIC_BASE_URL ?? null,
    perChatIntervalMs: env.SEND_PER_CHAT_INTERVAL_MS,
    sendTimeoutMs: env.SEND_TIMEOUT_SECONDS * 1000,
    telegram: env.TELEGRAM_BOT_TOKEN
      ? { token: env.TELEGRAM_BOT_TOKEN, webhookSecret: env.TELEGRAM_WEBHOOK_SECRET ?? null, apiRoot: env.TELEGRAM_API_ROOT, sendRate: env.TELEGRAM_SEND_RATE, username: env.TELEGRAM_BOT_USERNAME ?? null }
      : null,
    zaloBot: env.ZALO_BOT_TOKEN
      ? { token: env.ZALO_BOT_TOKEN, webhookSecret: env.ZALO_BOT_WEBHOOK_SECRET ?? null, apiRoot: env.ZALO_BOT_API_ROOT, sendRate: env.ZALO_BOT_SEND_RATE, name: env.ZALO_BOT_NAME || null }
      : null,
    zaloOa:
      env.ZALO_OA_APP_ID && env.ZALO_OA_APP_SECRET && env.ZALO_OA_SECRET_KEY && env.ZALO_OA_ACCESS_TOKEN && env.ZALO_OA_REFRESH_TOKEN
        ? {
            appId: env.ZALO_OA_APP_ID,
            appSecret: env.ZALO_OA_APP_SECRET,
            secretKey: env.ZALO_OA_SECRET_KEY,
            accessToken: env.ZALO_OA_ACCESS_TOKEN,
            refreshToken: env.ZALO_OA_REFRESH_TOKEN,
            apiRoot: env.ZALO_OA_API_ROOT,
            oauthRoot: env.ZALO_OA_OAUTH_ROOT,
            sendRate: env.ZALO_OA_SEND_RATE,
            freeWindowMs: env.ZALO_OA_FREE_WINDOW_HOURS * 3600_000,
            outsideWindow: env.ZALO_OA_OUTSIDE_WINDOW,
          }
        : null,
  };
}
