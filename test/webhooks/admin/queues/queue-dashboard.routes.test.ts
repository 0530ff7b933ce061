import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../helpers/test-app.js';
import { redisAvailable } from '../../../helpers/test-redis.js';
import { QUEUE_NAMES } from '../../../../runtime/queues.js';

const TOKEN = 'queue-dashboard-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };

interface CountsBody {
  backend: string;
  queues: { queue: string; counts: Record<string, number> }[];
}

function dashboardSuite(backend: 'redis' | 'postgres') {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ queue: backend, env: { ADMIN_TOKEN: TOKEN } });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('answers 401 without the token, on the page and on the JSON', async () => {
    expect((await fetch(`${t.app.url}/admin/queues`)).status).toBe(401);
    expect((await fetch(`${t.app.url}/admin/queues/api/queues`)).status).toBe(401);
    expect((await fetch(`${t.app.url}/admin/api/queues`)).status).toBe(401);
  });

  it('serves bull-board with the token, listing every queue of QUEUE_NAMES', async () => {
    const page = await fetch(`${t.app.url}/admin/queues`, { headers: auth });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<base href="/admin/queues/"');
    const script = /src="(static\/js\/main\.[^"]+)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect((await fetch(`${t.app.url}/admin/queues/${script}`, { headers: auth })).status).toBe(200);
    const api = await fetch(`${t.app.url}/admin/queues/api/queues?activeQueue=inbound&status=completed&page=1`, { headers: auth });
    expect(api.status).toBe(200);
    const body = (await api.json()) as { queues: { name: string }[] };
    expect(body.queues.map((queue) => queue.name).sort()).toEqual(Object.values(QUEUE_NAMES).sort());
  });

  it('counts jobs per queue and state in /admin/api/queues', async () => {
    await t.console.user('queue-counter');
    await t.console.say('queue-counter', 'xin chào');
    const read = async () => (await (await fetch(`${t.app.url}/admin/api/queues`, { headers: auth })).json()) as CountsBody;
    await expect.poll(async () => (await read()).queues.find((q) => q.queue === 'inbound')?.counts.completed).toBeGreaterThanOrEqual(1);
    const body = await read();
    expect(body.backend).toBe(backend);
    expect(body.queues.map((q) => q.queue).sort()).toEqual(Object.values(QUEUE_NAMES).sort());
    expect(Object.keys(body.queues[0]!.counts)).toEqual(expect.arrayContaining(['waiting', 'active', 'delayed', 'completed', 'failed']));
  });
}

describe.skipIf(!redisAvailable())('queue dashboard on Redis (needs Redis at 127.0.0.1:6379)', () => dashboardSuite('redis'));
describe('queue dashboard on the PostgreSQL backend', () => dashboardSuite('postgres'));
