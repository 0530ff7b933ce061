import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Operator metrics in Prometheus format (`GET /metrics`). One registry per
 * application instance (not prom-client's global one) so tests and several apps in
 * one process never mix their numbers.
 */
export interface Metrics {
  registry: Registry;
  inboundAccepted: Counter<'channel'>;
  turns: Counter<'outcome'>;
  turnSeconds: Histogram;
  outbound: Counter<'status'>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'dvk_' });
  return {
    registry,
    inboundAccepted: new Counter({
      name: 'dvk_inbound_accepted_total',
      help: 'Platform updates accepted into the inbound queue, by channel',
      labelNames: ['channel'],
      registers: [registry],
    }),
    turns: new Counter({
      name: 'dvk_turns_total',
      help: 'Conversation turns run by this worker: processed, duplicate (redelivery absorbed) or failed (will be retried)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    turnSeconds: new Histogram({
      name: 'dvk_turn_duration_seconds',
      help: 'Time to run one conversation turn (one PostgreSQL transaction)',
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    outbound: new Counter({
      name: 'dvk_outbound_total',
      help: 'Outbound messages by result: sent (the platform acknowledged it) or failed (given up)',
      labelNames: ['status'],
      registers: [registry],
    }),
  };
}
