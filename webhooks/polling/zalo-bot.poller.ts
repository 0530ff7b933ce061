import type { Logger } from 'pino';
import { systemClock, type Clock } from '../../bot/core/clock.js';
import { ZaloBotApiError, ZaloBotClient } from '../../worker/channels/zalo-bot.client.js';
import { cleanDeep } from '../../bot/core/clean-text.js';
import type { InboundSink } from '../ingress/inbound-sink.js';
import { acceptOrReject, rejectQuietly } from './accept-or-reject.js';
import { parseZaloBotUpdate, type ZaloBotIdentity } from '../channels/zalo-bot.parser.js';
import { PollLoop } from './poll-loop.js';

export interface ZaloBotPollerOptions {
  token: string;
  /** Default `https://bot-api.zaloplatforms.com`. */
  apiRoot?: string;
  sink: InboundSink;
  /** The bot's name as group members @mention it (ZALO_BOT_NAME). */
  bot?: ZaloBotIdentity;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Long-poll timeout in seconds (sent as a string, as documented). Default 30. */
  timeoutSeconds?: number;
  /** Remove a registered webhook first (getUpdates does not work while one is set). Default true. */
  deleteWebhook?: boolean;
  clock?: Clock;
}

/**
 * Development mode for Zalo Bot: `getUpdates` returns ONE update per call and
 * error 408 when nothing arrived ("poll again", not a failure). There is no
 * offset/ack, so an update that could not be queued is kept here and retried
 * until the sink accepts it instead of being dropped.
 */
export function createZaloBotPoller(options: ZaloBotPollerOptions): PollLoop {
  const client = new ZaloBotClient({ token: options.token, apiRoot: options.apiRoot });
  const timeout = options.timeoutSeconds ?? 30;
  const clock = options.clock ?? systemClock;
  let pending: unknown;
  let prepared = options.deleteWebhook === false;

  return new PollLoop({
    name: 'zalo-bot',
    logger: options.logger,
    round: async (signal) => {
      if (!prepared) {
        await client.call('deleteWebhook');
        prepared = true;
      }
      if (pending === undefined) {
        try {
          pending = await client.call<unknown>('getUpdates', { timeout: String(timeout) }, timeout * 1000);
        } catch (error) {
          if (error instanceof ZaloBotApiError && error.errorCode === 408) return; // nothing yet
          throw error;
        }
      }
      if (signal.aborted) return;
      const update = cleanDeep(pending);
      const parsed = parseZaloBotUpdate(update, clock.now(), options.bot);
      if (parsed.outcome === 'event') await acceptOrReject(options.sink, parsed.event, update); // throws (store down) → kept in `pending`
      else if (parsed.outcome === 'invalid') await rejectQuietly(options, { channel: 'zalo-bot', reason: 'not_an_update', detail: parsed.reason.slice(0, 500), body: update });
      pending = undefined;
    },
  });
}
