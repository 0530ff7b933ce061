import type { RequestHandler } from 'express';
import type { Histogram } from 'prom-client';

const WEBHOOK_PATH = /^\/webhooks\/([a-z-]+)/;

/**
 * Times each platform webhook request from arrival to the response (verify, parse,
 * dedupe, enqueue), labelled by channel and HTTP status. Other paths pass untimed.
 */
export function measureWebhookLatency(histogram: Histogram<'channel' | 'status'>): RequestHandler {
  return (req, res, next) => {
    const channel = WEBHOOK_PATH.exec(req.path)?.[1];
    if (!channel) {
      next();
      return;
    }
    const stop = histogram.startTimer({ channel });
    res.on('finish', () => stop({ status: String(res.statusCode) }));
    next();
  };
}
