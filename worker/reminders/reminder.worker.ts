import type { Worker } from 'bullmq';
import type { Logger } from '../../runtime/logger.js';
import { QUEUE_NAMES, type QueueKit } from '../../runtime/queues.js';
import type { SendJobData } from '../outbound/outbox.js';
import { createReminderSweeper, type ReminderSweeperDeps } from './reminder-sweeper.js';

export interface ReminderWorkerDeps extends Omit<ReminderSweeperDeps, 'outbound'> {
  queues: QueueKit;
  logger: Logger;
  /** How often the sweep runs (default 60 s): reminders are planned to the minute. */
  everyMs?: number;
}

/** The job scheduler's id; one per deployment, whatever the number of worker processes. */
export const REMINDER_SCHEDULER_ID = 'reminder-sweep';

/**
 * A BullMQ job scheduler repeats one sweep job; any worker process may run it, and two
 * overlapping sweeps are harmless (PostgreSQL's UNIQUE key decides what fires). The
 * queue drives the timing only: what is due and what fired live in PostgreSQL.
 */
export function startReminderWorker(deps: ReminderWorkerDeps): { worker: Worker; scheduled: Promise<void>; close(): Promise<void> } {
  const queue = deps.queues.queue(QUEUE_NAMES.reminders);
  const sweeper = createReminderSweeper({ ...deps, outbound: deps.queues.queue<SendJobData>(QUEUE_NAMES.outbound) });
  const worker = deps.queues.worker(
    QUEUE_NAMES.reminders,
    async () => {
      const result = await sweeper.sweep();
      return { sent: result.sent };
    },
    { concurrency: 1 },
  );
  worker.on('failed', (job, error) => deps.logger.warn({ job: job?.id, err: error.message }, 'reminder sweep failed; the next one retries'));
  // Upserting is idempotent: every worker process does it at start, one schedule results.
  const scheduled = queue
    .upsertJobScheduler(REMINDER_SCHEDULER_ID, { every: deps.everyMs ?? 60_000 }, { name: 'sweep', opts: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 } })
    .then(() => undefined)
    .catch((error: unknown) => deps.logger.error({ err: (error as Error).message }, 'could not schedule the reminder sweep; reminders wait for the next start'));
  return {
    worker,
    scheduled,
    async close() {
      await scheduled;
      await worker.close();
    },
  };
}
