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
 */
export function withFastWebhooks(options: FastWebhooksOptions): RequestListener {
  const byPath = new Map(options.endpoints.map((endpoint) => [endpoint.path, endpoint]));
  return (req, res) => {
    const endpoint = req.method === 'POST' ? byPath.get(pathOf(req.url)) : undefined;
    const encoding = req.headers['content-encoding'];
    if (!endpoint || (encoding !== undefined && encoding !== 'identity')) {
      options.fallback(req, res);
      return;
    }
    const stop = options.latency?.startTimer({ channel: endpoint.channel });
    void serve(endpoint, req, res, options).then((status) => stop?.({ status: String(status) }));
  };
}

function pathOf(url: string | undefined): string {
  if (!url) return '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

async function serve(endpoint: WebhookEndpoint, req: IncomingMessage, res: ServerResponse, options: FastWebhooksOptions): Promise<number> {
  let answer: WebhookAnswer;
  try {
    const raw = await readBody(req);
    answer = raw === null ? { status: 413, body: { ok: false, error: 'body larger than 1 MB' } } : await endpoint.handle({ headers: req.headers, ip: req.socket.remoteAddress }, raw);
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
