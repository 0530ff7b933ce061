import type { Router } from 'express';
import { systemClock, type Clock } from '../bot/core/clock.js';
import { createTelegramRoutes } from '../webhooks/channels/telegram.routes.js';
import { telegramBotIdFromToken } from '../webhooks/channels/telegram.parser.js';
import { createZaloBotRoutes } from '../webhooks/channels/zalo-bot.routes.js';
import { createZaloOaRoutes } from '../webhooks/channels/zalo-oa.routes.js';
import type { InboundSink } from '../webhooks/ingress/inbound-sink.js';
import type { PollLoop } from '../webhooks/polling/poll-loop.js';
import { createTelegramPoller } from '../webhooks/polling/telegram.poller.js';
import { createZaloBotPoller } from '../webhooks/polling/zalo-bot.poller.js';
import { readExportFile } from '../worker/exports/export-file.repository.js';
import { lazySender } from '../worker/channels/lazy-sender.js';
import { ZaloBotAdapter } from '../worker/channels/zalo-bot.adapter.js';
import { ZaloOaAdapter } from '../worker/channels/zalo-oa.adapter.js';
import { ChatUserZaloOaInteractionLog } from '../worker/channels/zalo-oa-interactions.js';
import { ZaloOaTokenManager } from '../worker/channels/zalo-oa-token.js';
import { createPrismaZaloOaTokenRepository } from '../worker/channels/zalo-oa-token.repository.js';
import type { ChannelSender } from '../worker/outbound/channel-sender.js';
import { Pacer } from '../worker/outbound/pacer.js';
import { RedisPaceStore } from '../worker/outbound/redis-pace-store.js';
import { PostgresPaceStore } from '../worker/outbound/postgres-pace-store.js';
import { PostgresSentPartsLog, type SentPartsLog } from '../worker/outbound/sent-parts.js';
import { PostgresRefreshLock, RedisRefreshLock, type RefreshLock } from '../worker/channels/refresh-lock.js';
import type { ChannelsConfig } from './channels.config.js';
import type { Channel } from '../bot/core/inbound-event.js';
import type { FileFetcher } from '../worker/attachments/file-fetcher.js';
import { createTelegramFileFetcher } from '../worker/attachments/telegram-file-fetcher.js';
import { createUrlFileFetcher } from '../worker/attachments/url-file-fetcher.js';
import { createAccountFileFetcher } from '../worker/attachments/account-file-fetcher.js';
import type { PrismaClient } from './database.js';
import type { Logger } from './logger.js';
import type { QueueKit } from './queues.js';
import { AccountDirectory } from './accounts/account-directory.js';
import type { ChannelAccount } from './accounts/channel-account.js';
import { defaultAccountsFrom } from './accounts/default-accounts.js';
import type { SecretBox } from './accounts/secret-box.js';
import { createAccountWebhookRoutes } from '../webhooks/channels/account-routes.js';
import { createAccountSenders } from '../worker/channels/account-senders.js';
import { createSealedZaloOaTokenRepository } from '../worker/channels/sealed-zalo-oa-token.repository.js';

export interface ChannelRuntime {
  /** Webhook routers to mount (webhook mode); empty in polling mode except Zalo OA, which has no polling. */
  routers: Router[];
  /** Senders for the send worker. */
  senders: ChannelSender[];
  /** Cross-process pacing, on Redis or PostgreSQL like the queues. */
  pacer: Pacer;
  /** Downloads photos and files users send, per channel (worker/attachments/). */
  fileFetchers: Partial<Record<Channel, FileFetcher>>;
  /** Starts long polling when CHANNEL_MODE=polling (call in the webhooks role only). */
  startPolling(): void;
  close(): Promise<void>;
}

export interface ChannelRuntimeDeps {
  config: ChannelsConfig;
  queues: QueueKit;
  prisma: PrismaClient;
  logger: Logger;
  sink: InboundSink;
  /** Prefix for pacing/ledger/lock keys: the queue prefix, so they are cleaned up with the queues. */
  keyPrefix: string;
  clock?: Clock;
  /** Every channel account (runtime/accounts/account-runtime.ts); default: the environment's accounts only. */
  accounts?: { directory: AccountDirectory; box: SecretBox | null };
}

/**
 * Builds every platform channel whose credentials are set: ingress routes or
 * pollers feeding the inbound sink, and senders with pacing, a send-part ledger
 * and (Zalo OA) a token-refresh lock — all three in the queue backend's store:
 * Redis when REDIS_URL is set, otherwise PostgreSQL (`pace_slot`, `sent_part`, an
 * advisory lock), so every channel works the same on the embedded default and
 * with several worker processes.
 */
export function createChannelRuntime(deps: ChannelRuntimeDeps): ChannelRuntime {
  const { config, queues, logger } = deps;
  const clock = deps.clock ?? systemClock;
  const redis = queues.redis;
  const keyPrefix = `${deps.keyPrefix}:channels:`;
  const pacer = new Pacer({
    store: redis ? new RedisPaceStore(redis) : new PostgresPaceStore(deps.prisma),
    keyPrefix,
    perChatIntervalMs: config.perChatIntervalMs,
    perCredentialRate: {
      telegram: config.telegram?.sendRate ?? config.shared?.sendRates.telegram,
      'zalo-bot': config.zaloBot?.sendRate ?? config.shared?.sendRates['zalo-bot'],
      'zalo-oa': config.zaloOa?.sendRate ?? config.shared?.sendRates['zalo-oa'],
    },
  });
  // The ledger of acknowledged parts lives in PostgreSQL on both backends, next to the outbox row it
  // protects: kept in Redis, a Redis outage while a send was at the platform lost the acknowledgement and
  // the retried job sent the message again (test/faults/redis-send-in-flight.fault.test.ts).
  const sentParts: SentPartsLog = new PostgresSentPartsLog(deps.prisma);
  for (const [name, channel] of [['TELEGRAM_SEND_RATE', config.telegram], ['ZALO_BOT_SEND_RATE', config.zaloBot], ['ZALO_OA_SEND_RATE', config.zaloOa]] as const) {
    if (channel?.sendRate === 0) logger.warn(`${name}=0: this channel is NOT paced (loopback fakes and benchmarks only); a real platform will answer 429.`);
  }
  const senders: ChannelSender[] = [];
  const fileFetchers: ChannelRuntime['fileFetchers'] = {};
  const routers: Router[] = [];
  const pollers: PollLoop[] = [];
  const polling = config.mode === 'polling';
  const common = { sink: deps.sink, logger, clock };

  if (config.telegram) {
    const t = config.telegram;
    const bot = { id: telegramBotIdFromToken(t.token), username: t.username ?? undefined };
    // Built on the first send: the webhooks role never sends, so it never loads grammY (lazy-sender.ts).
    senders.push(
      lazySender('telegram', async () => {
        const { TelegramAdapter } = await import('../worker/channels/telegram.adapter.js');
        return new TelegramAdapter({
          token: t.token,
          apiRoot: t.apiRoot,
          sentParts,
          pacer,
          timeoutSeconds: config.sendTimeoutMs / 1000,
          readFile: (fileId) => readExportFile(deps.prisma, fileId, clock.now()),
        });
      }),
    );
    fileFetchers.telegram = createTelegramFileFetcher({ token: t.token, apiRoot: t.apiRoot });
    if (polling) pollers.push(createTelegramPoller({ ...common, token: t.token, apiRoot: t.apiRoot, bot }));
    else if (t.webhookSecret) routers.push(createTelegramRoutes({ ...common, secret: t.webhookSecret, bot }));
  }
  if (config.zaloBot) {
    const z = config.zaloBot;
    senders.push(new ZaloBotAdapter({ token: z.token, apiRoot: z.apiRoot, sentParts, pacer, timeoutMs: config.sendTimeoutMs }));
    fileFetchers['zalo-bot'] = createUrlFileFetcher();
    if (polling) pollers.push(createZaloBotPoller({ ...common, token: z.token, apiRoot: z.apiRoot, bot: { name: z.name } }));
    else if (z.webhookSecret) routers.push(createZaloBotRoutes({ ...common, secret: z.webhookSecret, bot: { name: z.name } }));
  }
  if (config.zaloOa) {
    const o = config.zaloOa;
    // Same key as before the PostgreSQL twin existed, so old and new workers exclude each other during a deploy.
    const lockKey = `${keyPrefix}lock:zalo-oa-token`;
    // Only one worker may present the single-use refresh token.
    const lock: RefreshLock = redis ? new RedisRefreshLock({ redis, key: lockKey }) : new PostgresRefreshLock({ prisma: deps.prisma, key: lockKey });
    const tokens = new ZaloOaTokenManager({
      repository: createPrismaZaloOaTokenRepository(deps.prisma, o.appId),
      lock,
      appId: o.appId,
      appSecret: o.appSecret,
      oauthRoot: o.oauthRoot,
      initial: { accessToken: o.accessToken, refreshToken: o.refreshToken },
      clock,
    });
    const interactions = new ChatUserZaloOaInteractionLog(deps.prisma);
    fileFetchers['zalo-oa'] = createUrlFileFetcher();
    senders.push(new ZaloOaAdapter({ apiRoot: o.apiRoot, tokens, interactions, sentParts, pacer, freeWindowMs: o.freeWindowMs, outsideWindow: o.outsideWindow, clock, timeoutMs: config.sendTimeoutMs }));
    // Zalo OA has no polling API: its webhook is mounted in both modes.
    routers.push(createZaloOaRoutes({ ...common, appId: o.appId, oaSecretKey: o.secretKey }));
  }

  // Many accounts (docs/channels.md "Many accounts"): `/webhooks/<channel>/:account` for every account, and
  // senders that pick the account each recipient wrote to; the environment's adapters above are its `default`.
  const directory = deps.accounts?.directory ?? new AccountDirectory({ store: null, defaults: defaultAccountsFrom(config) });
  routers.push(...createAccountWebhookRoutes({ directory, ...common }));
  // A Telegram file_id opens only with the token of the bot that received it: pick the user's account's token.
  fileFetchers.telegram = createAccountFileFetcher({
    fallback: fileFetchers.telegram,
    forAccount: (slug) => {
      const account = directory.active('telegram', slug);
      const opened = account?.secrets();
      return opened?.channel === 'telegram' ? createTelegramFileFetcher({ token: opened.secrets.token, apiRoot: config.shared.telegramApiRoot }) : undefined;
    },
  });
  const buildSender = (account: ChannelAccount): ChannelSender => {
    const opened = account.secrets();
    const shared = config.shared;
    if (opened.channel === 'telegram') {
      return lazySender('telegram', async () => {
        const { TelegramAdapter } = await import('../worker/channels/telegram.adapter.js');
        return new TelegramAdapter({ token: opened.secrets.token, apiRoot: shared.telegramApiRoot, sentParts, pacer, account: account.slug, timeoutSeconds: config.sendTimeoutMs / 1000, readFile: (fileId) => readExportFile(deps.prisma, fileId, clock.now()) });
      });
    }
    if (opened.channel === 'zalo-bot') return new ZaloBotAdapter({ token: opened.secrets.token, apiRoot: shared.zaloBotApiRoot, sentParts, pacer, account: account.slug, timeoutMs: config.sendTimeoutMs });
    const box = deps.accounts?.box;
    if (!box) throw new TypeError(`channel account ${account.id} is stored but there is no CHANNEL_SECRET_KEY to keep its tokens`);
    // One lock and one token pair per OA: two wards' OAs refresh independently.
    const lockKey = `${keyPrefix}lock:zalo-oa-token:${account.id}`;
    const lock: RefreshLock = redis ? new RedisRefreshLock({ redis, key: lockKey }) : new PostgresRefreshLock({ prisma: deps.prisma, key: lockKey });
    const s = opened.secrets;
    const tokens = new ZaloOaTokenManager({
      repository: createSealedZaloOaTokenRepository(deps.prisma, account.id, box),
      lock,
      appId: s.appId,
      appSecret: s.appSecret,
      oauthRoot: shared.zaloOaOauthRoot,
      initial: { accessToken: s.accessToken, refreshToken: s.refreshToken },
      clock,
    });
    const interactions = new ChatUserZaloOaInteractionLog(deps.prisma, account.slug);
    return new ZaloOaAdapter({ apiRoot: shared.zaloOaApiRoot, tokens, interactions, sentParts, pacer, account: account.slug, freeWindowMs: shared.zaloOaFreeWindowMs, outsideWindow: shared.zaloOaOutsideWindow, clock, timeoutMs: config.sendTimeoutMs });
  };

  return {
    routers,
    senders: createAccountSenders({ directory, defaults: senders, build: buildSender }),
    fileFetchers,
    pacer,
    startPolling() {
      for (const poller of pollers) poller.start();
    },
    async close() {
      await Promise.all(pollers.map((poller) => poller.stop()));
    },
  };
}
