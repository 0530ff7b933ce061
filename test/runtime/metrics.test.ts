import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { telegramPayloads } from '../fakes/payloads.js';
import { FakeTelegram } from '../fakes/telegram.fake.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const TG_SECRET = 'tg_secret_for_metrics_tests';
const TOKEN = 'metrics-admin-token-0123456789';

function sample(text: string, name: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ').at(-1)) : undefined;
}

// Runs on whichever queue backend the machine has (Redis when it runs, else PostgreSQL).
describe('operator metrics: webhook latency, queue jobs by state, sends by channel and outcome', () => {
  let t: TestApp;
  let tg: FakeTelegram;
  const metrics = async () => (await fetch(`${t.app.url}/metrics`)).text();

  beforeAll(async () => {
    tg = await new FakeTelegram().start();
    t = await startTestApp({
      env: { TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_WEBHOOK_SECRET: TG_SECRET, TELEGRAM_API_ROOT: tg.url, SEND_PER_CHAT_INTERVAL_MS: '50' },
    });
  });
  afterAll(async () => {
    await t?.stop();
    await tg?.close();
  });

  it('times Telegram webhooks, counts the send by channel and shows every queue by state', async () => {
    const res = await fetch(`${t.app.url}/webhooks/telegram`, {
      method: 'POST',
      body: JSON.stringify(telegramPayloads.text('Xin chào', { userId: 710_001 })),
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TG_SECRET },
    });
    expect(res.status).toBe(200);
    await expect.poll(async () => sample(await metrics(), 'dvk_sends_total{channel="telegram",outcome="sent"}'), { timeout: 15_000 }).toBe(1);
    const text = await metrics();
    expect(sample(text, 'dvk_webhook_duration_seconds_count{channel="telegram",status="200"}')).toBe(1);
    for (const queue of ['inbound', 'outbound']) {
      for (const state of ['waiting', 'active', 'delayed', 'completed', 'failed']) {
        expect(sample(text, `dvk_queue_jobs{queue="${queue}",state="${state}"}`)).toBeTypeOf('number');
      }
      expect(sample(text, `dvk_queue_depth{queue="${queue}"}`)).toBeTypeOf('number');
    }
    expect(sample(text, 'dvk_queue_jobs{queue="inbound",state="completed"}')).toBeGreaterThanOrEqual(1);
  });
});

describe('METRICS_REQUIRE_ADMIN=true', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ roles: ['webhooks'], env: { METRICS_REQUIRE_ADMIN: 'true', ADMIN_TOKEN: TOKEN } });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('asks for the admin token on /metrics', async () => {
    expect((await fetch(`${t.app.url}/metrics`)).status).toBe(401);
    const ok = await fetch(`${t.app.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('dvk_queue_jobs');
  });
});
