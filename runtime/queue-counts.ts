import type { JobState } from 'bullmq';
import { QUEUE_NAMES, type QueueKit, type QueueName } from './queues.js';

/** Every queue the product runs, read from QUEUE_NAMES so a queue added there shows up everywhere. */
export function allQueueNames(): QueueName[] {
  return Object.values(QUEUE_NAMES);
}

/** The job states an operator cares about, in the order the dashboard shows them. */
export const JOB_STATES = ['waiting', 'prioritized', 'active', 'delayed', 'waiting-children', 'completed', 'failed'] as const satisfies readonly JobState[];
export type CountedJobState = (typeof JOB_STATES)[number];

export interface QueueCounts {
  queue: QueueName;
  counts: Record<CountedJobState, number>;
}

/**
 * Job counts per queue and state through BullMQ's own API, so the numbers are the
 * same on Redis and on the PostgreSQL backend (the admin JSON and `/metrics` read this).
 */
export async function readQueueCounts(queues: QueueKit): Promise<QueueCounts[]> {
  return Promise.all(
    allQueueNames().map(async (name) => {
      const raw = await queues.queue(name).getJobCounts(...JOB_STATES);
      const counts = Object.fromEntries(JOB_STATES.map((state) => [state, raw[state] ?? 0])) as Record<CountedJobState, number>;
      return { queue: name, counts };
    }),
  );
}
