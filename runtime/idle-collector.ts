import { performance, type EventLoopUtilization } from 'node:perf_hooks';

export interface IdleCollectorOptions {
  /** The full collection to run (default `globalThis.gc`, present with `node --expose-gc`). */
  collect?: () => void;
  /** How often the event loop's utilisation is read (default 5,000 ms). */
  intervalMs?: number;
  /** An interval busier than this (share of the time the loop ran code) counts as load (default 0.05). */
  busyAbove?: number;
  /** An interval quieter than this after load is "the load has ended" (default 0.01). */
  idleBelow?: number;
  /** The event loop's utilisation since the previous call, 0–1 (default: `performance.eventLoopUtilization`; tests script it). */
  sample?: () => number;
}

/** Reads the event loop's utilisation since the previous read. */
function eventLoopSampler(): () => number {
  let last: EventLoopUtilization = performance.eventLoopUtilization();
  return () => {
    const now = performance.eventLoopUtilization();
    const utilization = performance.eventLoopUtilization(now, last).utilization;
    last = now;
    return utilization;
  };
}

export interface IdleCollector {
  /** Full collections run so far. */
  readonly collections: number;
  stop(): void;
}

/**
 * One full garbage collection when a burst of work has ended. Under load, V8 keeps the
 * heap it grew (semi-spaces, old-generation headroom) and Node never tells it the
 * process went idle, so a webhooks process that took a burst sat ≈ 20 MiB above what
 * a full collection leaves (bench/memory.bench.ts). Collecting once, when the event
 * loop goes from busy to idle, gives that back without running the collector harder
 * while requests arrive — which is what the production flags did before, at ≈ 15 % of
 * the webhooks' CPU under load (docs/scaling.md, "Round 5").
 *
 * Returns null when there is no collector to call (node started without --expose-gc).
 */
export function startIdleCollector(options: IdleCollectorOptions = {}): IdleCollector | null {
  const collect = options.collect ?? (globalThis as { gc?: () => void }).gc;
  if (typeof collect !== 'function') return null;
  const busyAbove = options.busyAbove ?? 0.05;
  const idleBelow = options.idleBelow ?? 0.01;
  const sample = options.sample ?? eventLoopSampler();
  let loaded = false;
  let collections = 0;
  const timer = setInterval(() => {
    const utilization = sample();
    if (utilization > busyAbove) loaded = true;
    else if (loaded && utilization < idleBelow) {
      loaded = false;
      collections++;
      collect();
    }
  }, options.intervalMs ?? 5_000);
  // Never the reason a process stays alive.
  timer.unref();
  return {
    get collections() {
      return collections;
    },
    stop: () => clearInterval(timer),
  };
}
