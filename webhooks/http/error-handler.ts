import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../../runtime/logger.js';
import { QueueUnavailableError } from '../ingress/queue-unavailable.error.js';
import { UnusableUpdateError } from '../ingress/unusable-update.error.js';

/**
 * Last middleware. Express 5 forwards async errors here. Body-parser errors keep
 * their 4xx (malformed JSON → 400, too large → 413); a queue outage is 503 so
 * platforms redeliver; content the store refuses is 422; anything else is a logged 500 with no internals leaked.
 */
export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    if (error instanceof QueueUnavailableError) {
      logger.warn({ path: req.path, err: error.message }, 'queue unavailable');
      res.status(503).set('Retry-After', '5').json({ error: 'queue_unavailable', message: 'Try again shortly.' });
      return;
    }
    if (error instanceof UnusableUpdateError) {
      // The store is fine; this input is not (console API): a clear 422, no retry.
      logger.warn({ path: req.path, err: error.message }, 'unusable update');
      res.status(422).json({ error: 'unusable_update', message: 'This message cannot be stored; change its content and send it again.' });
      return;
    }
    const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error({ path: req.path, err: error }, 'unhandled error');
    const code = status === 413 ? 'payload_too_large' : status === 400 ? 'malformed_body' : status === 500 ? 'internal_error' : 'bad_request';
    res.status(status).json({ error: code, message: status === 500 ? 'Internal error; it has been logged.' : String(error.message ?? code) });
  };
}
