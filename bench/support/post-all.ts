import http from 'node:http';

export interface PostAllOptions {
  url: string;
  count: number;
  /** Concurrent keep-alive connections (default 50). */
  connections?: number;
  body: (n: number) => string;
  headers?: Record<string, string>;
}

/** POSTs `count` bodies over `connections` keep-alive connections as fast as answered; throws on a non-200. */
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
  try {
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (n < options.count) {
          const status = await post(options.body(n++));
          if (status !== 200) throw new Error(`webhook answered ${status}`);
        }
      }),
    );
  } finally {
    agent.destroy();
  }
}
