import type { Logger } from 'pino';
import type { InboundEvent } from '../../bot/core/inbound-event.js';
import type { InboundSink, RejectedUpdate } from '../ingress/inbound-sink.js';
import { UnusableUpdateError } from '../ingress/unusable-update.error.js';

/**
 * Pollers' twin of the webhook route's rule: an update the store refuses for its
 * data is kept as rejected and the poller moves on (otherwise it would ask for the
 * same update forever); only a store outage propagates, so the update is polled again.
 */
export async function acceptOrReject(sink: InboundSink, event: InboundEvent, body: unknown): Promise<void> {
  try {
    await sink.accept(event);
  } catch (error) {
    if (!(error instanceof UnusableUpdateError)) throw error;
    await sink.reject?.({ channel: event.channel, reason: 'unstorable', detail: error.detail, body });
  }
}

export async function rejectQuietly(
  options: { sink: InboundSink; logger: Pick<Logger, 'warn'> },
  update: RejectedUpdate,
): Promise<void> {
  if (options.sink.reject) await options.sink.reject(update);
  else options.logger.warn({ channel: update.channel, reason: update.reason, detail: update.detail }, 'skipping unusable update');
}
