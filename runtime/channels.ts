import type { Router } from 'express';
import { systemClock, type Clock } from '../bot/core/clock.js';
import { createTelegramRoutes } from '../webhooks/channels/telegram.routes.js';
import { createZaloBotRoutes } from '../webhooks/channels/zalo-bot.routes.js';
import { createZaloOaRoutes } from '../webhooks/channels/zalo-oa.routes.js';
import type { InboundSink } from '../webhooks/ingress/inbound-sink.js';
import type { PollLoop } from '../webhooks/polling/poll-loop.js';
import { createTelegramPoller } from '../webhooks/polling/telegram.poller.js';
import { createZaloBotPoller } from '../webhooks/polling/zalo-bot.poller.js';
import { readExportFile } from '../worker/exports/export-file.repository.js';
import { TelegramAdapter } from '../worker/channels/telegram.adapter.js';
import { ZaloBotAdapter } from '../worker/channels/zalo-bot.adapter.js';
import { ZaloOaAdapter } from '../worker/channels/zalo-oa.adapter.js';
import { ChatUserZaloOaInteractionLog } from '../worker/channels/zalo-oa-interactions.js';
import { ZaloOaTokenManager } from '../worker/channels/zalo-oa-token.js';
import { createPrismaZaloOaTokenRepository } from '../worker/channels/zalo-oa-token.repository.js';
import type { ChannelSender } from '../worker/outbound/channel-sender.js';
import { Pacer } from '../worker/outbound/pacer.js';
import { MemorySentPartsLog, RedisSentPartsLog, type SentPartsLog } from '../worker/outbound/sent-parts.js';
import type { ChannelsConfig } from './channels.config.js';
import type { PrismaClient } from './database.js';
import type { Logger } from './logger.js';
import type { QueueKit } from './queues.js';

export interface ChannelRuntime {
  /** Webhook routers to mount (webhook mode); empty in polling mode except Zalo OA, which has no polling. */
  routers: Router[];
  /** Senders for the send worker. */
  senders: ChannelSender[];
  /** Cross-process pacing; null without Redis (single-process embedded mode). */
  pacer: Pacer | null;
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
}

/**
 * Builds every platform channel whose credentials are set: ingress routes or
 * pollers feeding the inbound sink, and senders with pacing and send-part
 * idempotency on Redis. On the PostgreSQL queue backend (no Redis) the ledger is
 * in memory and pacing is off: fine for one local process, not for production.
 */
export function createChannelRuntime(deps: ChannelRuntimeDeps): ChannelRuntime {
  const { config, queues, logger } = deps;
  const clock = deps.clock ?? systemClock;
  const redis = queues.redis;
  const keyPrefix = `${deps.keyPrefix}:channels:`;
  const pacer = redis
    ? new Pacer({
        redis,
        keyPrefix,
        perChatIntervalMs: config.perChatIntervalMs,
        perCredentialRate: {
          telegram: config.telegram?.sendRate,
          'zalo-bot': config.zaloBot?.sendRate,
          'zalo-oa': config.zaloOa?.sendRate,
        },
      })
    : null;
  const sentParts: SentPartsLog = redis ? new RedisSentPartsLog({ redis, keyPrefix }) : new MemorySentPartsLog();
  const senders: ChannelSender[] = [];
  const routers: Router[] = [];
  const pollers: PollLoop[] = [];
  const polling = config.mode === 'polling';
  const common = { sink: deps.sink, logger, clock };

  if (config.telegram) {
    const t = config.telegram;
    senders.push(
      new TelegramAdapter({
        token: t.token,
        apiRoot: t.apiRoot,
        sentParts,
        pacer: pacer ?? undefined,
        readFile: (fileId) => readExportFile(deps.prisma, fileId, clock.now()),
      }),
    );
    if (polling) pollers.push(createTelegramPoller({ ...common, token: t.token, apiRoot: t.apiRoot }));
    else if (t.webhookSecret) routers.push(createTelegramRoutes({ ...common, secret: t.webhookSecret }));
  }
  if (config.zaloBot) {
    const z = config.zaloBot;
    senders.push(new ZaloBotAdapter({ token: z.token, apiRoot: z.apiRoot, sentParts, pacer: pacer ?? undefined }));
    if (polling) pollers.push(createZaloBotPoller({ ...common, token: z.token, apiRoot: z.apiRoot }));
    else if (z.webhookSecret) routers.push(createZaloBotRoutes({ ...common, secret: z.webhookSecret }));
  }
  if (config.zaloOa) {
    const o = config.zaloOa;
    if (!redis) {
      logger.warn('Zalo OA is configured but REDIS_URL is not: its token refresh needs a Redis lock, so Zalo OA stays off. Set REDIS_URL.');
    } else {
      const tokens = new ZaloOaTokenManager({
        repository: createPrismaZaloOaTokenRepository(deps.prisma, o.appId),
        redis,
        keyPrefix,
        appId: o.appId,
        appSecret: o.appSecret,
        oauthRoot: o.oauthRoot,
        initial: { accessToken: o.accessToken, refreshToken: o.refreshToken },
        clock,
      });
      const interactions = new ChatUserZaloOaInteractionLog(deps.prisma);
      senders.push(
        new ZaloOaAdapter({ apiRoot: o.apiRoot, tokens, interactions, sentParts, pacer: pacer ?? undefined, freeWindowMs: o.freeWindowMs, outsideWindow: o.outsideWindow, clock }),
      );
      // Zalo OA has no polling API: its webhook is mounted in both modes.
      routers.push(createZaloOaRoutes({ ...common, appId: o.appId, oaSecretKey: o.secretKey }));
    }
  }
  if (!pacer && senders.length > 0) logger.warn('Channel pacing is off without REDIS_URL (PostgreSQL queue backend): run one worker process only.');

  return {
    routers,
    senders,
    pacer,
    startPolling() {
      for (const poller of pollers) poller.start();
    },
    async close() {
      await Promise.all(pollers.map((poller) => poller.stop()));
    },
  };
}
