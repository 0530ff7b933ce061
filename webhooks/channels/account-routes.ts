import type { Router } from 'express';
import type { Logger } from 'pino';
import type { Clock } from '../../bot/core/clock.js';
import { DEFAULT_ACCOUNT, accountUserId, platformIdOfUserId } from '../../bot/core/channel-account.js';
import type { Channel, InboundEvent } from '../../bot/core/inbound-event.js';
import type { AccountDirectory } from '../../runtime/accounts/account-directory.js';
import type { ChannelAccount } from '../../runtime/accounts/channel-account.js';
import type { InboundSink } from '../ingress/inbound-sink.js';
import { parseTelegramUpdate, telegramBotIdFromToken, telegramCallbackQueryId } from './telegram.parser.js';
import { TELEGRAM_SECRET_HEADER, verifyTelegramSecret } from './telegram.verify.js';
import { parseZaloBotUpdate } from './zalo-bot.parser.js';
import { ZALO_BOT_SECRET_HEADER, verifyZaloBotSecret } from './zalo-bot.verify.js';
import { parseZaloOaEvent } from './zalo-oa.parser.js';
import { verifyOa } from './zalo-oa.routes.js';
import { ZALO_OA_SIGNATURE_HEADER } from './zalo-oa.verify.js';
import { createWebhookRouter, decodeJson, type WebhookRequest } from './webhook-route.js';

export interface AccountRoutesOptions {
  directory: AccountDirectory;
  sink: InboundSink;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  clock?: Clock;
}

/**
 * The account's own copy of an event: its slug goes into the user and chat ids
 * (a chat user is keyed by account and platform id) and into the event id (two
 * bots number their updates independently, so `tg-42` of one is not `tg-42` of
 * the other). The default account's events are left exactly as before.
 */
export function withAccount(event: InboundEvent, slug: string): InboundEvent {
  if (slug === DEFAULT_ACCOUNT) return event;
  return {
    ...event,
    account: slug,
    eventId: `${slug}.${event.eventId}`,
    userId: accountUserId(event.channel, platformIdOfUserId(event.userId), slug),
    chatId: accountUserId(event.channel, platformIdOfUserId(event.chatId), slug),
  };
}

/**
 * `POST /webhooks/telegram/:account`, `/webhooks/zalo-bot/:account`,
 * `/webhooks/zalo-oa/:account`: one route per channel for every account. The
 * account is found in the directory's Map (O(1), no query); an unknown or
 * disabled one is a 404 before the body is read; the body is verified with that
 * account's own secret (Telegram / Zalo Bot header, Zalo OA MAC with its OA key).
 */
export function createAccountWebhookRoutes(options: AccountRoutesOptions): Router[] {
    const common = { sink: options.sink, logger: options.logger, clock: options.clock };
  // The gate finds the active account named in the path; verify, parse and tag read it back as `req.found`.
  const gate = (channel: Channel) => (req: WebhookRequest): ChannelAccount | undefined => {
    const slug = req.params?.account;
    return typeof slug === 'string' ? options.directory.active(channel, slug) : undefined;
  };
  const accountOf = (req: WebhookRequest): ChannelAccount => req.found as ChannelAccount;
  const tag = (event: InboundEvent, req: WebhookRequest) => withAccount(event, accountOf(req).slug);
  /** An account without a webhook secret (the environment's, in polling mode) accepts no webhook. */
  const secretOf = (req: WebhookRequest): string | null => {
    const opened = accountOf(req).secrets();
    return opened.channel === 'zalo-oa' || opened.secrets.webhookSecret === '' ? null : opened.secrets.webhookSecret;
  };
  const headerMatches = (check: (header: string | string[] | undefined, secret: string) => boolean, header: string | string[] | undefined, secret: string | null) =>
    secret !== null && check(header, secret);

  const telegram = createWebhookRouter({
    ...common,
    path: '/webhooks/telegram/:account',
    channel: 'telegram',
    gate: gate('telegram'),
    tag,
    verify: (req, raw) =>
      headerMatches(verifyTelegramSecret, req.headers[TELEGRAM_SECRET_HEADER], secretOf(req)) ? decodeJson(raw) : { ok: false, status: 401, reason: 'missing or wrong secret token' },
    parse: (body, now, req) => {
      const account = accountOf(req);
      const opened = account.secrets();
      const token = opened.channel === 'telegram' ? opened.secrets.token : '';
      return parseTelegramUpdate(body, now, { id: telegramBotIdFromToken(token), username: account.username ?? undefined });
    },
    replyBody: (body) => {
      const id = telegramCallbackQueryId(body);
      return id ? { method: 'answerCallbackQuery', callback_query_id: id } : undefined;
    },
  });
  const zaloBot = createWebhookRouter({
    ...common,
    path: '/webhooks/zalo-bot/:account',
    channel: 'zalo-bot',
    gate: gate('zalo-bot'),
    tag,
    verify: (req, raw) =>
      headerMatches(verifyZaloBotSecret, req.headers[ZALO_BOT_SECRET_HEADER], secretOf(req)) ? decodeJson(raw) : { ok: false, status: 403, reason: 'missing or wrong secret token' },
    // Stored accounts have no configured mention name: the parser's fallback strips a leading @word.
    parse: (body, now) => parseZaloBotUpdate(body, now),
  });
  const zaloOa = createWebhookRouter({
    ...common,
    path: '/webhooks/zalo-oa/:account',
    channel: 'zalo-oa',
    gate: gate('zalo-oa'),
    tag,
    verify: (req, raw) => {
      const opened = accountOf(req).secrets();
      if (opened.channel !== 'zalo-oa') return { ok: false, status: 403, reason: 'not a Zalo OA account' };
      return verifyOa({ appId: opened.secrets.appId, oaSecretKey: opened.secrets.secretKey }, req.headers[ZALO_OA_SIGNATURE_HEADER], raw);
    },
    parse: parseZaloOaEvent,
  });
  return [telegram, zaloBot, zaloOa];
}
