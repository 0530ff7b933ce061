import { Gauge, type Registry } from 'prom-client';
import { BROADCAST_STATUSES, RECIPIENT_STATES } from '../worker/broadcast/broadcast-vocabulary.js';
import type { PrismaClient } from './database.js';

/** Broadcasts whose recipients are still being worked through. */
const ACTIVE = ['scheduled', 'sending'];

/**
 * Broadcast progress on /metrics, read from PostgreSQL at scrape time (the recipient rows are the truth, written by
 * every worker process, so no process-local counter could show them):
 * - `dvk_broadcast_recipients{state}`: recipients of the scheduled and sending broadcasts by state (queued, sending,
 *   sent, failed_temporary, …) — queued + sending falling to 0 is the fan-out finishing;
 * - `dvk_broadcasts{status}`: broadcasts by status.
 * Every state of the closed vocabularies is reported (0 included), so dashboards never see a series vanish.
 * A failing database leaves the gauges empty for that scrape rather than failing /metrics.
 */
export function observeBroadcastProgress(registry: Registry, prisma: PrismaClient): void {
  new Gauge({
    name: 'dvk_broadcast_recipients',
    help: 'Recipients of broadcasts in progress (status scheduled or sending) by recipient state',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      this.reset();
      try {
        const rows = await prisma.broadcastRecipient.groupBy({ by: ['state'], where: { broadcast: { status: { in: ACTIVE } } }, _count: { _all: true } });
        const counts = new Map(rows.map((r) => [r.state, r._count._all]));
        for (const state of RECIPIENT_STATES) this.set({ state }, counts.get(state) ?? 0);
      } catch {
        // Left empty: see above.
      }
    },
  });
  new Gauge({
    name: 'dvk_broadcasts',
    help: 'Broadcasts by status (draft, pending_approval, scheduled, sending, done, stopped, cancelled)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      this.reset();
      try {
        const rows = await prisma.broadcast.groupBy({ by: ['status'], _count: { _all: true } });
        const counts = new Map(rows.map((r) => [r.status, r._count._all]));
        for (const status of BROADCAST_STATUSES) this.set({ status }, counts.get(status) ?? 0);
      } catch {
        // Left empty: see above.
      }
    },
  });
}
