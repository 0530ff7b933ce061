import type { IncomingHttpHeaders } from 'node:http';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { systemClock, type Clock } from '../../bot/core/clock.js';
import { cleanDeep } from '../../bot/core/clean-text.js';
import type { Channel, InboundEvent } from '../../bot/core/inbound-event.js';
import type { InboundSink, RejectedUpdate } from '../ingress/inbound-sink.js';
import { UnusableUpdateError } from '../ingress/unusable-update.error.js';
import type { ParseResult } from './parse-result.js';

/** Platforms send small JSON; anything larger is refused before it is buffered further. */
export const WEBHOOK_BODY_LIMIT = '1mb';

/**
 * `status: 400` means authentic (secret or signature checked) but unreadable:
 * the route keeps it as a rejected update and answers 200. 401/403 are refusals.
 */
export type VerifyOutcome = { ok: true; body: unknown } | { ok: false; status: 400 | 401 | 403; reason: string };

export interface WebhookRouteOptions {
  /** Full path, e.g. `/webhooks/telegram`. */
  path: string;
  /** Names rejected updates and their metric. */
  channel: Channel;
  /**
   * Checks the header secret before the body is even parsed (`rawBody` is
   * available for MAC checks) and returns the decoded JSON body.
   */
  verify: (req: WebhookRequest, rawBody: Buffer) => VerifyOutcome;
  /** `req` lets a multi-account route parse for the account named in the path (`req.found`). */
  parse: (body: unknown, now: Date, req: WebhookRequest) => ParseResult;
  sink: InboundSink;
  logger: Pick<Logger, 'info' | 'warn' | 'error'> & Partial<Pick<Logger, 'debug'>>;
  clock?: Clock;
  /** Runs after verification, before enqueueing (e.g. record the Zalo OA interaction). Throwing → 503. */
  beforeAccept?: (event: InboundEvent) => Promise<void>;
  /** Body of the 200 answer; Telegram uses it to answer callback queries at no extra request. */
  replyBody?: (body: unknown, event: InboundEvent) => unknown;
  /**
   * Multi-account routes (`/webhooks/<channel>/:account`): finds what the path names
   * (the active account) before anything else; `undefined` → 404 (unknown or disabled
   * account), nothing verified or enqueued. What it returns is `req.found` afterwards.
   */
  gate?: (req: WebhookRequest) => unknown;
  /** Multi-account routes: stamps the parsed event with its account (webhooks/channels/account-routes.ts). */
  tag?: (event: InboundEvent, req: WebhookRequest) => InboundEvent;
}

/**
 * The shared shape of the three webhook routes: raw body (≤ 1 MB) → verify in
 * constant time → parse to one InboundEvent → enqueue → 200 at once. Nothing of
 * the conversation runs inside the request. Status codes: 401/403 wrong secret
 * or signature (nothing enqueued), 413 too large, 503 ONLY when the queue store
 * is down (the platform retries), 200 otherwise — including events the bot
 * ignores and authentic bodies it cannot use (unreadable JSON, not an update,
 * refused by the store for its data): those are kept in `rejected_update`, because
 * a non-2xx would make the platform redeliver them forever (and Telegram holds
 * every later update of the bot behind the one it is redelivering).
 */
export function createWebhookRouter(options: WebhookRouteOptions): Router & { webhook: WebhookEndpoint } {
  const router = express.Router();
  const endpoint = createWebhookEndpoint(options);

  router.post(
    options.path,
    // An unknown or disabled account is refused before the body is read.
    (req: Request, res: Response, next: NextFunction) => {
      const refused = endpoint.refuse({ headers: req.headers, params: req.params as Record<string, string> });
      if (!refused) return next();
      res.status(refused.status).json(refused.body);
    },
    express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT }),
    async (req: Request, res: Response) => {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const answer = await endpoint.handle({ headers: req.headers, ip: req.ip, params: req.params as Record<string, string> }, raw);
      if (answer.headers) res.set(answer.headers);
      res.status(answer.status).json(answer.body);
    },
  );

  // body-parser's errors (413 too large, 400 bad encoding) answer here, never as 500.
  router.use(options.path, (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    const status = (error as { status?: number }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(status).json({ ok: false, error: status === 413 ? 'body larger than 1 MB' : 'unreadable body' });
      return;
    }
    next(error);
  });
  // The same endpoint, for the HTTP server's fast path (webhooks/http/fast-webhooks.ts).
  return Object.assign(router, { webhook: endpoint });
}

/** What a webhook request needs of the HTTP request besides its body. */
export interface WebhookRequest {
  headers: IncomingHttpHeaders;
  /** The caller's address, for the log of a refused request. */
  ip?: string;
  /** Route parameters (`:account`). */
  params?: Record<string, string>;
  /** What the route's `gate` found for this request (the channel account). */
  found?: unknown;
}

const UNKNOWN_ACCOUNT = { ok: false, error: 'unknown or disabled account' };

/** The answer to one webhook request, whichever HTTP layer writes it. */
export interface WebhookAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** One webhook route without the HTTP framework: what both the express router and the fast path run. */
export interface WebhookEndpoint {
  path: string;
  channel: Channel;
  /**
   * The answer given before the body is read (404 for an unknown or disabled account
   * on a multi-account route), or undefined to go on and read it. `handle` checks again.
   */
  refuse(req: WebhookRequest): WebhookAnswer | undefined;
  handle(req: WebhookRequest, rawBody: Buffer): Promise<WebhookAnswer>;
}

/** The body of `createWebhookRouter` (see there for the status codes), free of express. */
export function createWebhookEndpoint(options: WebhookRouteOptions): WebhookEndpoint {
  const clock = options.clock ?? systemClock;
  const log = options.logger;

  async function rejectUpdate(update: RejectedUpdate): Promise<WebhookAnswer> {
    if (options.sink.reject) await options.sink.reject(update);
    else log.warn({ path: options.path, reason: update.reason, detail: update.detail }, 'authentic update rejected');
    return { status: 200, body: { ok: true, rejected: update.reason } };
  }

  async function handle(request: WebhookRequest, raw: Buffer): Promise<WebhookAnswer> {
    let req = request;
    if (options.gate) {
      const found = options.gate(req);
      if (found === undefined) return { status: 404, body: UNKNOWN_ACCOUNT };
      req = { ...req, found };
    }
    const verified = options.verify(req, raw);
    if (!verified.ok && verified.status === 400) {
      return rejectUpdate({ channel: options.channel, reason: 'unreadable', detail: verified.reason, rawText: raw.toString('utf8') });
    }
    if (!verified.ok) {
      // No body content in the log: an attacker controls it.
      log.warn({ path: options.path, status: verified.status, reason: verified.reason, ip: req.ip }, 'webhook refused');
      return { status: verified.status, body: { ok: false, error: verified.reason } };
    }
    let parsed: ParseResult;
    try {
      parsed = options.parse(verified.body, clock.now(), req);
    } catch (error) {
      // A parser bug on this input is this update's problem, not the platform's: keep it, answer 200.
      parsed = { outcome: 'invalid', reason: `the parser threw: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}` };
    }
    if (parsed.outcome === 'invalid') {
      return rejectUpdate({ channel: options.channel, reason: 'not_an_update', detail: parsed.reason.slice(0, 500), body: verified.body });
    }
    if (parsed.outcome === 'ignore') return { status: 200, body: { ok: true, ignored: parsed.reason } };
    const event = options.tag ? options.tag(parsed.event, req) : parsed.event;
    try {
      await options.beforeAccept?.(event);
      const outcome = await options.sink.accept(event);
      // Debug, not info: one log line per update is a write per request on the hot path
      // (the accepted counter and the queue hold the same facts).
      log.debug?.({ channel: event.channel, eventId: event.eventId, kind: event.kind, jobId: outcome.jobId }, 'webhook accepted');
      return { status: 200, body: options.replyBody?.(verified.body, event) ?? { ok: true } };
    } catch (error) {
      if (error instanceof UnusableUpdateError) {
        return rejectUpdate({ channel: event.channel, reason: 'unstorable', detail: error.detail, body: verified.body });
      }
      // The store is down (or timed out): the event is not safely queued, 503 makes the platform redeliver.
      log.error({ err: error, channel: event.channel, eventId: event.eventId }, 'could not enqueue webhook event; answering 503 so the platform retries');
      return { status: 503, headers: { 'retry-after': '5' }, body: { ok: false, error: 'queue unavailable, retry later' } };
    }
  }

  function refuse(req: WebhookRequest): WebhookAnswer | undefined {
    return options.gate && options.gate(req) === undefined ? { status: 404, body: UNKNOWN_ACCOUNT } : undefined;
  }

  return { path: options.path, channel: options.channel, refuse, handle };
}

/**
 * JSON.parse that reports failure instead of throwing, and the poison-proof
 * boundary: every string and key of the decoded body is cleaned (no NUL or other
 * C0 control, no lone surrogate, NFC — bot/core/clean-text.ts) before any parser
 * sees it. Invalid UTF-8 bytes already decode to U+FFFD.
 */
export function decodeJson(raw: Buffer, parse: (text: string) => unknown = JSON.parse): VerifyOutcome {
  if (raw.length === 0) return { ok: false, status: 400, reason: 'empty body' };
  try {
    return { ok: true, body: cleanDeep(parse(raw.toString('utf8'))) };
  } catch {
    return { ok: false, status: 400, reason: 'malformed JSON' };
  }
}
