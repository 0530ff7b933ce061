import http from 'node:http';

export interface PostAllOptions {
  url: string;
  count: number;
  /** Concurrent keep-alive connections (default 50). */
  connections?: number;
  body: (n: number) => string;
  headers?: Record<string, string>;
  /** Post at this steady rate (the n-th body leaves n / rate seconds after the start) instead of as fast as answered. */
  ratePerSecond?: number;
}

/** POSTs `count` bodies over `connections` keep-alive connections as fast as answered (or at `ratePerSecond`); throws on a non-200. */
export async function postAll(options: PostAllOptions): Promise<void> {
  const connections = options.connections ?? 50;
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL(options.url);
  let n = 0;
  const post = (body: string): Promise<number> =>
    new Promise((resolve, reject) => {
      const req = http.request(
        { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...options.headers } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const start = performance.now();
  try {
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (n < options.count) {
          const index = n++;
          if (options.ratePerSecond) {
            const due = start + (index * 1000) / options.ratePerSecond - performance.now();
            if (due > 0) await new Promise((resolve) => setTimeout(resolve, due));
          }
          const status = await post(options.body(index));
          if (status !== 200) throw new Error(`webhook answered ${status}`);
        }
      }),
    );
  } finally {
    agent.destroy();
  }
}
