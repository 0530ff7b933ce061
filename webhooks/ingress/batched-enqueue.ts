import type { JobsOptions, Queue } from 'bullmq';
import { withTimeout } from '../../runtime/queues.js';
import { classifyFailure } from '../../runtime/store-errors.js';

/** One update waiting for its batch, and the request that waits for it. */
interface Pending<Data> {
  data: Data;
  jobId: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface BatchedEnqueueOptions {
  /** The BullMQ job name. */
  name: string;
  /** How long a batch may wait for the queue store before every request in it fails. */
  timeoutMs: number;
  /** A batch never grows past this; more updates start the next batch at once (default 256). */
  maxBatch?: number;
}

/**
 * `queue.add` for many concurrent webhook requests in one round trip to the queue store.
 *
 * Why: under load each `queue.add` is its own socket write and Redis reply; the
 * write syscall alone was the largest single cost of a webhook request. Every update
 * handed over while the event loop polls its sockets is collected, and the batch goes
 * out in the check phase of the same loop turn (`setImmediate`) as ONE `addBulk`
 * (one pipeline on Redis, one statement on the PostgreSQL backend).
 *
 * Nothing is acknowledged that was not stored: each caller's promise resolves only
 * after the batch that holds its job came back without error. When the store is down
 * or slow, every caller of that batch fails (the route answers 503 and the platform
 * redelivers; jobs of the batch that did land are absorbed by their job ids). When
 * the store refused the batch for its DATA, the batch is retried one job at a time so
 * that only the update at fault is told so and the rest are stored.
 * The same job id twice in one batch is sent once and both callers wait for it,
 * exactly as the second `queue.add` would be a no-op.
 */
export function createBatchedEnqueue<Data>(queue: Queue<Data>, options: BatchedEnqueueOptions): (data: Data, jobId: string) => Promise<void> {
  const maxBatch = options.maxBatch ?? 256;
  let pending: Array<Pending<Data>> = [];
  let scheduled = false;

  function flushSoon(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  }

  function flush(): void {
    scheduled = false;
    const batch = pending;
    pending = [];
    if (batch.length > 0) void store(batch);
  }

  async function store(batch: Array<Pending<Data>>): Promise<void> {
    const byJobId = new Map<string, Array<Pending<Data>>>();
    for (const item of batch) {
      const waiting = byJobId.get(item.jobId);
      if (waiting) waiting.push(item);
      else byJobId.set(item.jobId, [item]);
    }
    const jobs = [...byJobId.values()].map((waiting) => ({ name: options.name, data: waiting[0]!.data, opts: { jobId: waiting[0]!.jobId } as JobsOptions }));
    try {
      await withTimeout(queue.addBulk(jobs as Parameters<Queue<Data>['addBulk']>[0]), options.timeoutMs, 'The queue store');
    } catch (error) {
      if (jobs.length > 1 && classifyFailure(error) === 'data') {
        await Promise.all([...byJobId.values()].map((waiting) => storeAlone(waiting)));
        return;
      }
      for (const item of batch) item.reject(error);
      return;
    }
    for (const item of batch) item.resolve();
  }

  /** One job on its own, after its batch was refused for the data of one of them. */
  async function storeAlone(waiting: Array<Pending<Data>>): Promise<void> {
    const first = waiting[0]!;
    try {
      await withTimeout(queue.add(options.name as Parameters<Queue<Data>['add']>[0], first.data as never, { jobId: first.jobId }), options.timeoutMs, 'The queue store');
      for (const item of waiting) item.resolve();
    } catch (error) {
      for (const item of waiting) item.reject(error);
    }
  }

  return (data, jobId) =>
    new Promise<void>((resolve, reject) => {
      pending.push({ data, jobId, resolve, reject });
      if (pending.length >= maxBatch) flush();
      else flushSoon();
    });
}
