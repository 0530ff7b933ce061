import type { Logger } from 'pino';

export interface PollLoopOptions {
  name: string;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** One long-poll round; resolves when the round's updates are handed over. */
  round: (signal: AbortSignal) => Promise<void>;
  /** Backoff after a failed round, doubled up to `maxBackoffMs`. Default 1 s … 30 s. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

/**
 * Runs `round` until stopped, backing off on errors (network down, queue down)
 * instead of spinning. `stop()` resolves once the current round has ended.
 */
export class PollLoop {
  private controller: AbortController | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly options: PollLoopOptions) {}

  start(): void {
    if (this.running) return;
    this.controller = new AbortController();
    const signal = this.controller.signal;
    this.running = (async () => {
      let backoff = this.options.minBackoffMs ?? 1000;
      this.options.logger.info({ poller: this.options.name }, 'long polling started');
      while (!signal.aborted) {
        try {
          await this.options.round(signal);
          backoff = this.options.minBackoffMs ?? 1000;
        } catch (error) {
          if (signal.aborted) break;
          this.options.logger.warn({ err: error, poller: this.options.name, retryInMs: backoff }, 'poll round failed; retrying');
          await sleep(backoff, signal);
          backoff = Math.min(backoff * 2, this.options.maxBackoffMs ?? 30_000);
        }
      }
      this.options.logger.info({ poller: this.options.name }, 'long polling stopped');
    })();
  }

  async stop(): Promise<void> {
    this.controller?.abort();
    await this.running;
    this.running = undefined;
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
