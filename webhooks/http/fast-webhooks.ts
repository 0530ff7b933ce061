import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Router } from 'express';
import type { Histogram } from 'prom-client';
import type { Logger } from '../../runtime/logger.js';
import type { WebhookAnswer, WebhookEndpoint } from '../channels/webhook-route.js';

/** Same limit as the express route (WEBHOOK_BODY_LIMIT, 1 MB). */
const MAX_BODY_BYTES = 1024 * 1024;

export interface FastWebhooksOptions {
  endpoints: WebhookEndpoint[];
  /** Everything else (and any webhook request the fast path does not take) goes here. */
  fallback: RequestListener;
  /** Times each webhook request by channel and status, like webhooks/metrics/webhook-latency.ts. */
  latency?: Histogram<'channel' | 'status'>;
  logger: Pick<Logger, 'error'>;
}

/** The endpoints behind channel routers made by `createWebhookRouter` (others have none). */
export function webhookEndpointsOf(routers: readonly Router[]): WebhookEndpoint[] {
  return routers.flatMap((router) => {
    const endpoint = (router as Router & { webhook?: WebhookEndpoint }).webhook;
    return endpoint ? [endpoint] : [];
  });
}

/**
 * The HTTP server's request listener: a platform's webhook POST is answered
 * without express (no middleware chain, no router walk, no request/response
 * decoration — most of the cost of a request that is only "verify, parse, enqueue"),
 * by the very same endpoint the express router runs. Everything else, and a
 * compressed body (body-parser inflates those), goes to express unchanged.
 * Per-account paths (`/webhooks/telegram/:account`) are taken too; any request
 * whose path this matcher does not recognise goes to express, which answers it as before.
 */
export function withFastWebhooks(options: FastWebhooksOptions): RequestListener {
  const match = createEndpointMatcher(options.endpoints);
  return (req, res) => {
    const found = req.method === 'POST' ? match(pathOf(req.url)) : undefined;
    const encoding = req.headers['content-encoding'];
    if (!found || (encoding !== undefined && encoding !== 'identity')) {
      options.fallback(req, res);
      return;
    }
    const stop = options.latency?.startTimer({ channel: found.endpoint.channel });
    void serve(found, req, res, options).then((status) => stop?.({ status: String(status) }));
  };
}

/** An endpoint a request path names, with the value of its last segment when that is a `:param`. */
export interface MatchedEndpoint {
  endpoint: WebhookEndpoint;
  params?: Record<string, string>;
}

/** A path ending in one `:name` segment, with no other parameter before it. */
const PARAMETRISED = /^([^:]*\/):([A-Za-z_]\w*)$/;

/**
 * O(1) per request whatever the number of accounts: an exact path is one Map look-up;
 * otherwise the last segment is split off and its prefix (`/webhooks/telegram/`) looked
 * up. Only what express would match the same way is taken (exact case, no trailing
 * slash, a non-empty segment that decodes); undefined sends the request to express.
 */
export function createEndpointMatcher(endpoints: readonly WebhookEndpoint[]): (path: string) => MatchedEndpoint | undefined {
  const exact = new Map<string, WebhookEndpoint>();
  const byPrefix = new Map<string, { endpoint: WebhookEndpoint; param: string }>();
  for (const endpoint of endpoints) {
    const parametrised = PARAMETRISED.exec(endpoint.path);
    if (parametrised) byPrefix.set(parametrised[1]!, { endpoint, param: parametrised[2]! });
    else if (!endpoint.path.includes(':')) exact.set(endpoint.path, endpoint);
    // Any other pattern stays with express.
  }
  return (path) => {
    const endpoint = exact.get(path);
    if (endpoint) return { endpoint };
    if (byPrefix.size === 0) return undefined;
    const cut = path.lastIndexOf('/');
    const route = byPrefix.get(path.slice(0, cut + 1));
    if (!route || cut === path.length - 1) return undefined;
    const value = decodeSegment(path.slice(cut + 1));
    return value === undefined ? undefined : { endpoint: route.endpoint, params: { [route.param]: value } };
  };
}

/** As express decodes a route parameter; undefined (→ express, which answers 400) when it does not decode. */
function decodeSegment(segment: string): string | undefined {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function pathOf(url: string | undefined): string {
  if (!url) return '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

async function serve({ endpoint, params }: MatchedEndpoint, req: IncomingMessage, res: ServerResponse, options: FastWebhooksOptions): Promise<number> {
  let answer: WebhookAnswer;
  try {
    const request = { headers: req.headers, ip: req.socket.remoteAddress, params };
    // An unknown or disabled account is refused before the body is read, as by the express route.
    const refused = endpoint.refuse(request);
    if (refused) req.resume();
    const raw = refused ? null : await readBody(req);
    answer = refused ?? (raw === null ? { status: 413, body: { ok: false, error: 'body larger than 1 MB' } } : await endpoint.handle(request, raw));
  } catch (error) {
    // A body cut off mid-way, or a bug: never an unanswered request.
    options.logger.error({ path: endpoint.path, err: error }, 'webhook request failed');
    answer = { status: req.destroyed ? 400 : 500, body: { ok: false, error: 'internal error; it has been logged' } };
  }
  if (!res.headersSent && !res.destroyed) {
    const body = JSON.stringify(answer.body);
    res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), ...answer.headers });
    res.end(body);
  }
  return answer.status;
}

/** The body, or null once it exceeds the limit (the rest is drained, not kept). */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length']);
  if (declared > MAX_BODY_BYTES) {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('aborted', () => reject(new Error('request aborted')));
  });
}
