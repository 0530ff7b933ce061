import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { QueueKit } from './queues.js';
import { readQueueCounts } from './queue-counts.js';

/**
 * Operator metrics in Prometheus format (`GET /metrics`). One registry per
 * application instance (not prom-client's global one) so tests and several apps in
 * one process never mix their numbers.
 */
export interface Metrics {
  registry: Registry;
  inboundAccepted: Counter<'channel'>;
  /** Authentic updates answered 200 but not queued (kept in rejected_update). */
  inboundRejected: Counter<'channel' | 'reason'>;
  /** Turns that failed for a data reason and were dead-lettered after one attempt. */
  turnsDeadLettered: Counter<'channel'>;
  turns: Counter<'outcome'>;
  turnSeconds: Histogram;
  outbound: Counter<'status'>;
  /** Send attempts by channel and outcome (`sent` or the adapter's error kind). */
  sends: Counter<'channel' | 'outcome'>;
  /** Time the HTTP side takes to verify, parse, dedupe and enqueue one platform update. */
  webhookSeconds: Histogram<'channel' | 'status'>;
  /** Adds `dvk_queue_jobs{queue,state}` (and `dvk_queue_depth{queue}`), read from the queue store at scrape time. */
  observeQueues(queues: QueueKit): void;
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
    inboundRejected: new Counter({
      name: 'dvk_inbound_rejected_total',
      help: 'Authentic platform updates answered 200 but not queued, by channel and reason (not_an_update, unreadable, unstorable); rows in rejected_update',
      labelNames: ['channel', 'reason'],
      registers: [registry],
    }),
    turnsDeadLettered: new Counter({
      name: 'dvk_turns_dead_lettered_total',
      help: 'Conversation turns that failed for a data reason: not retried, the user got an apology, inbound_event.dead_lettered_at set',
      labelNames: ['channel'],
      registers: [registry],
    }),
    turns: new Counter({
      name: 'dvk_turns_total',
      help: 'Conversation turns run by this worker: processed, duplicate (redelivery absorbed), dead-lettered (data failure, apology sent) or failed (will be retried)',
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
    sends: new Counter({
      name: 'dvk_sends_total',
      help: 'Send attempts by channel and outcome: sent, or the error kind (rate_limited, recipient_unreachable, auth_expired, bad_request, transient, error)',
      labelNames: ['channel', 'outcome'],
      registers: [registry],
    }),
    webhookSeconds: new Histogram({
      name: 'dvk_webhook_duration_seconds',
      help: 'Webhook request handling time (verify, parse, dedupe, enqueue) by channel and HTTP status',
      labelNames: ['channel', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    observeQueues(queues) {
      // Read at scrape time (not on a timer): the numbers are current and an idle
      // process makes no queue calls. A failing store leaves the gauges empty.
      const collect = async () => {
        try {
          return await readQueueCounts(queues);
        } catch {
          return [];
        }
      };
      new Gauge({
        name: 'dvk_queue_jobs',
        help: 'Jobs per queue and state (waiting, prioritized, active, delayed, waiting-children, completed, failed)',
        labelNames: ['queue', 'state'],
        registers: [registry],
        async collect() {
          this.reset();
          for (const { queue, counts } of await collect()) {
            for (const [state, count] of Object.entries(counts)) this.set({ queue, state }, count);
          }
        },
      });
      new Gauge({
        name: 'dvk_queue_depth',
        help: 'Jobs not yet finished per queue (waiting + prioritized + delayed + active)',
        labelNames: ['queue'],
        registers: [registry],
        async collect() {
          this.reset();
          for (const { queue, counts } of await collect()) {
            this.set({ queue }, counts.waiting + counts.prioritized + counts.delayed + counts.active);
          }
        },
      });
    },
  };
}
