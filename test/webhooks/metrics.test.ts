import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { redisAvailable } from '../helpers/test-redis.js';

function sample(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(name));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe.skipIf(!redisAvailable())('GET /metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('counts accepted updates, turns and sent replies in Prometheus format', async () => {
    await t.console.user('counted');
    await t.console.say('counted', 'xin chào');
    await t.console.say('counted', 'cảm ơn');
    const response = await fetch(`${t.app.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(sample(text, 'dvk_inbound_accepted_total{channel="console"}')).toBe(2);
    expect(sample(text, 'dvk_turns_total{outcome="processed"}')).toBe(2);
    expect(sample(text, 'dvk_turn_duration_seconds_count')).toBe(2);
    await expect.poll(async () => sample(await (await fetch(`${t.app.url}/metrics`)).text(), 'dvk_outbound_total{status="sent"}')).toBe(2);
    expect(text).toContain('dvk_process_resident_memory_bytes');
  });
});
