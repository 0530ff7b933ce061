import type { Metrics } from '../../runtime/metrics.js';
import type { InboundSink } from './inbound-sink.js';

/** Counts updates the queue accepted, per channel (`dvk_inbound_accepted_total`). */
export function countAcceptedUpdates(sink: InboundSink, metrics: Metrics): InboundSink {
  return {
    async accept(event) {
      const accepted = await sink.accept(event);
      metrics.inboundAccepted.inc({ channel: event.channel });
      return accepted;
    },
    ...(sink.reject ? { reject: sink.reject.bind(sink) } : {}),
  };
}
