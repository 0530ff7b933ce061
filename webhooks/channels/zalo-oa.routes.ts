import type { Router } from 'express';
import type { Logger } from 'pino';
import type { Clock } from '../../bot/core/clock.js';
import type { ZaloOaInteractionLog } from '../../worker/channels/zalo-oa-interactions.js';
import { constantTimeEqual } from './constant-time.js';
import type { InboundSink } from '../ingress/inbound-sink.js';
import { parseJsonKeepingBigIntegers } from './parse-json-safely.js';
import { parseZaloOaEvent } from './zalo-oa.parser.js';
import { ZALO_OA_SIGNATURE_HEADER, verifyZaloOaSignature } from './zalo-oa.verify.js';
import { createWebhookRouter, decodeJson, type VerifyOutcome } from './webhook-route.js';

export interface ZaloOaRoutesOptions {
  /** ZALO_OA_APP_ID: only events for our app are accepted. */
  appId: string;
  /** ZALO_OA_SECRET_KEY, the OA secret key used in the webhook MAC (not the app secret). */
  oaSecretKey: string;
  sink: InboundSink;
  /**
   * Optional extra record of the user's last interaction (the 48 h window). The
   * runtime leaves it out: the inbound worker keeps chat_user.last_inbound_at.
   */
  interactions?: ZaloOaInteractionLog;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  clock?: Clock;
}

/** `POST /webhooks/zalo-oa`: the MAC covers the raw bytes, so JSON is decoded only after it is checked. */
export function createZaloOaRoutes(options: ZaloOaRoutesOptions): Router {
  return createWebhookRouter({
    path: '/webhooks/zalo-oa',
    channel: 'zalo-oa',
    sink: options.sink,
    logger: options.logger,
    clock: options.clock,
    verify: (req, raw) => verifyOa(options, req.headers[ZALO_OA_SIGNATURE_HEADER], raw),
    parse: parseZaloOaEvent,
    beforeAccept: async (event) => {
      if (options.interactions && event.kind !== 'unfollow') {
        await options.interactions.record(event.userId.slice('zalo-oa:'.length), new Date(event.at));
      }
    },
  });
}

/** Exported for the per-account route (account-routes.ts), which checks with that account's OA key. */
export function verifyOa(options: Pick<ZaloOaRoutesOptions, 'appId' | 'oaSecretKey'>, header: string | string[] | undefined, raw: Buffer): VerifyOutcome {
  if (header === undefined) return { ok: false, status: 401, reason: 'missing X-ZEvent-Signature' };
  // app_id and timestamp are inputs of the MAC, so the body is decoded first —
  // with big integers kept as strings so that nothing is rounded.
  const decoded = decodeJson(raw, parseJsonKeepingBigIntegers);
  if (!decoded.ok) return { ok: false, status: 401, reason: 'signature cannot be checked on an unreadable body' };
  const body = decoded.body as { app_id?: unknown; timestamp?: unknown } | null;
  const appId = body && (typeof body.app_id === 'string' || typeof body.app_id === 'number') ? String(body.app_id) : undefined;
  const timestamp = body && (typeof body.timestamp === 'string' || typeof body.timestamp === 'number') ? String(body.timestamp) : undefined;
  if (appId === undefined || timestamp === undefined) return { ok: false, status: 401, reason: 'body lacks app_id or timestamp' };
  const valid = verifyZaloOaSignature({ rawBody: raw, header, appId, timestamp, oaSecretKey: options.oaSecretKey });
  if (!valid) return { ok: false, status: 401, reason: 'bad signature' };
  if (!constantTimeEqual(appId, options.appId)) return { ok: false, status: 403, reason: 'event for another app' };
  return decoded;
}
