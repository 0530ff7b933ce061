import { Queue, Worker, createPostgresBackend, type Processor, type WorkerOptions, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';

/** Queue names. No ":" — BullMQ uses it as its own key separator. */
export const QUEUE_NAMES = {
  /** One job per inbound platform update: runs the conversation. */
  inbound: 'inbound',
  /** One job per outbound message row: sends it through its channel. */
  outbound: 'outbound',
  /** Staff broadcasts: start jobs (delayed until due) and sending lanes per channel account. */
  broadcast: 'broadcast',
  /** A repeating job (job scheduler) that fires the reminders due (worker/reminders/). */
  reminders: 'reminders',
} as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

export type QueueBackendKind = 'redis' | 'postgres';

export interface QueueKitOptions {
  /** Redis URL; when null, BullMQ's PostgreSQL backend runs in `databaseUrl`. */
  redisUrl: string | null;
  databaseUrl: string;
  /** Redis key prefix, or the PostgreSQL schema name for the Postgres backend. */
  prefix: string;
}

/**
 * Hides which store backs the queues. Everything else creates queues and workers
 * through this, so the queue code is identical on Redis (production) and on
 * PostgreSQL (embedded default); only the backend factory differs.
 */
export interface QueueKit {
  readonly kind: QueueBackendKind;
  queue<Data = unknown>(name: QueueName): Queue<Data>;
  worker<Data = unknown>(name: QueueName, processor: Processor<Data>, options?: Partial<WorkerOptions>): Worker<Data>;
  /** Resolves when the queue store answers; rejects otherwise (health checks). */
  ping(timeoutMs?: number): Promise<void>;
  /** Redis only: a client for locks and pacing keys. Null on the PostgreSQL backend. */
  redis: Redis | null;
  close(): Promise<void>;
}

export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

export function createQueueKit(options: QueueKitOptions): QueueKit {
  const queues = new Map<string, Queue>();
  const workers: Worker[] = [];

  if (options.redisUrl) {
    const redisUrl = options.redisUrl;
    // Producer connection fails fast while Redis is down, so webhooks can answer
    // 503 and the platform retries instead of us buffering updates in memory.
    const producer = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
    producer.on('error', () => undefined); // surfaced through ping()/add() rejections
    const kit: QueueKit = {
      kind: 'redis',
      redis: producer,
      queue<Data>(name: QueueName) {
        let queue = queues.get(name);
        if (!queue) {
          queue = new Queue(name, { connection: producer, prefix: options.prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
          queue.on('error', () => undefined);
          queues.set(name, queue);
        }
        return queue as unknown as Queue<Data>;
      },
      worker<Data>(name: QueueName, processor: Processor<Data>, workerOptions: Partial<WorkerOptions> = {}) {
        // Workers block on Redis: they need their own connection with unlimited retries.
        const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
        connection.on('error', () => undefined);
        const worker = new Worker<Data>(name, processor, { ...workerOptions, connection, prefix: options.prefix });
        worker.on('closed', () => connection.disconnect());
        workers.push(worker as Worker);
        return worker;
      },
      async ping(timeoutMs = 2_000) {
        await withTimeout(producer.ping(), timeoutMs, 'Redis');
      },
      async close() {
        await Promise.allSettled(workers.map((worker) => worker.close()));
        // A queue whose Redis is gone would wait forever to flush: bound it.
        await Promise.allSettled([...queues.values()].map((queue) => withTimeout(queue.close(), 5_000, 'queue close')));
        producer.disconnect();
      },
    };
    return kit;
  }

  const connection = { connectionString: options.databaseUrl, schema: options.prefix.replace(/-/g, '_'), migrate: true, max: 5 };
  return {
    kind: 'postgres',
    redis: null,
    queue<Data>(name: QueueName) {
      let queue = queues.get(name);
      if (!queue) {
        queue = new Queue(name, { connection, defaultJobOptions: DEFAULT_JOB_OPTIONS }, createPostgresBackend) as unknown as Queue;
        queue.on('error', () => undefined);
        queues.set(name, queue);
      }
      return queue as unknown as Queue<Data>;
    },
    worker<Data>(name: QueueName, processor: Processor<Data>, workerOptions: Partial<WorkerOptions> = {}) {
      const worker = new Worker<Data>(name, processor, { ...workerOptions, connection } as never, createPostgresBackend as never);
      workers.push(worker as Worker);
      return worker;
    },
    async ping(timeoutMs = 2_000) {
      await withTimeout(healthQueue(queues, this).getJobCounts('waiting'), timeoutMs, 'PostgreSQL queue backend');
    },
    async close() {
      await Promise.allSettled(workers.map((worker) => worker.close()));
      await Promise.allSettled([...queues.values()].map((queue) => queue.close()));
    },
  };
}

/** The health check needs some queue; the inbound one always exists. */
function healthQueue(queues: Map<string, Queue>, kit: QueueKit): Queue {
  return queues.get(QUEUE_NAMES.inbound) ?? kit.queue(QUEUE_NAMES.inbound);
}
