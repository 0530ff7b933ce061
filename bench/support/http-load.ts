import http from 'node:http';
import { cpuMs, quantile } from './process-stats.js';

export interface LoadOptions {
  url: string;
  /** Concurrent keep-alive connections (default 50). */
  connections?: number;
  /** How long to measure, after the warm-up (default 8 s). */
  durationMs?: number;
  /** Requests before measuring, not counted (default 1 s of load). */
  warmupMs?: number;
  /** Body of request number n (distinct ids so every update is new). */
  body: (n: number) => string;
  headers?: Record<string, string>;
  /** The server's process: its CPU time over the measured window is reported (`serverCpuMs`). */
  serverPid?: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Answers other than 200, and connection errors. */
  errors: number;
  /** Every measured request's latency (ms), to merge runs. */
  latencies: number[];
  seconds: number;
  /**
   * CPU (user + system) the server process used while measured, when its pid was given:
   * per request, the figure a load spike on the shared machine disturbs least.
   */
  serverCpuMs?: number;
}

/**
 * A small closed-loop HTTP load generator (autocannon-like): each connection sends
 * its next POST as soon as the previous answer arrived. Runs in the bench process,
 * the server under test in another.
 */
export async function runHttpLoad(options: LoadOptions): Promise<LoadResult> {
  const connections = options.connections ?? 50;
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL(options.url);
  let n = 0;
  let measuring = false;
  let stop = false;
  const latencies: number[] = [];
  let errors = 0;

  const once = (): Promise<void> =>
    new Promise((resolve) => {
      const body = options.body(n++);
      const started = performance.now();
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...options.headers },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (measuring) {
              latencies.push(performance.now() - started);
              if (res.statusCode !== 200) errors += 1;
            }
            resolve();
          });
        },
      );
      req.on('error', () => {
        if (measuring) errors += 1;
        resolve();
      });
      req.end(body);
    });

  const loops = Array.from({ length: connections }, async () => {
    while (!stop) await once();
  });
  await new Promise((resolve) => setTimeout(resolve, options.warmupMs ?? 1_000));
  measuring = true;
  const started = performance.now();
  const cpuBefore = options.serverPid === undefined ? 0 : cpuMs(options.serverPid);
  await new Promise((resolve) => setTimeout(resolve, options.durationMs ?? 8_000));
  measuring = false;
  const serverCpuMs = options.serverPid === undefined ? undefined : cpuMs(options.serverPid) - cpuBefore;
  const seconds = (performance.now() - started) / 1000;
  const requests = latencies.length;
  stop = true;
  await Promise.all(loops);
  agent.destroy();
  return { requestsPerSecond: requests / seconds, p50Ms: quantile(latencies, 0.5), p99Ms: quantile(latencies, 0.99), requests, errors, latencies, seconds, serverCpuMs };
}

/** Several runs against one server as one figure: requests over total time, percentiles over all latencies. */
export function mergeLoadResults(runs: LoadResult[]): LoadResult {
  const latencies = runs.flatMap((run) => run.latencies);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  return {
    requestsPerSecond: latencies.length / seconds,
    p50Ms: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
    requests: latencies.length,
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    latencies,
    seconds,
    serverCpuMs: runs.every((run) => run.serverCpuMs !== undefined) ? runs.reduce((sum, run) => sum + run.serverCpuMs!, 0) : undefined,
  };
}
