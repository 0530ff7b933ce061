import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/** A port nothing listens on: Redis "unreachable". */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('GET /health with the queue store unreachable', () => {
  let t: TestApp;
  beforeAll(async () => {
    const port = await closedPort();
    t = await startTestApp({ roles: ['webhooks'], env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
  });
  afterAll(async () => {
    await t?.app.close();
    await t?.db.drop();
  });

  it('answers 503 naming the queue', async () => {
    const response = await fetch(`${t.app.url}/health`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ db: 'ok', queue: 'unreachable' });
  });

  it('refuses new messages with 503 (the sender retries) and writes nothing', async () => {
    await t.console.user('offline');
    const response = await t.console.call('POST', '/console/api/messages', { userId: 'offline', text: 'xin chao' });
    expect(response.status).toBe(503);
    expect(await t.db.prisma.inboundEventLog.count()).toBe(0);
  });
});
