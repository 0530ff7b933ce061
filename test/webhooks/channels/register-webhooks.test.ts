import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../runtime/config.js';
import { registerWebhooks } from '../../../webhooks/channels/register-webhooks.js';
import { FakeTelegram } from '../../fakes/telegram.fake.js';
import { FakeZaloBot } from '../../fakes/zalo-bot.fake.js';

let tg: FakeTelegram;
let zb: FakeZaloBot;
beforeAll(async () => {
  [tg, zb] = await Promise.all([new FakeTelegram().start(), new FakeZaloBot().start()]);
});
afterAll(async () => {
  await Promise.all([tg.close(), zb.close()]);
});

function channels(extra: Record<string, string> = {}) {
  return loadConfig({
    TELEGRAM_BOT_TOKEN: tg.token,
    TELEGRAM_WEBHOOK_SECRET: 'tg_secret_12345',
    TELEGRAM_API_ROOT: tg.url,
    ZALO_BOT_TOKEN: zb.token,
    ZALO_BOT_WEBHOOK_SECRET: 'zb_secret_12345',
    ZALO_BOT_API_ROOT: zb.url,
    PUBLIC_BASE_URL: 'https://bot.example.vn/',
    ...extra,
  }).channels;
}

describe('registerWebhooks (npm run setup:webhooks)', () => {
  it('registers URL and secret with Telegram and Zalo Bot, and deletes them', async () => {
    const result = await registerWebhooks(channels());
    expect(result.ok).toBe(true);
    expect(tg.webhook).toEqual({ url: 'https://bot.example.vn/webhooks/telegram', secret_token: 'tg_secret_12345' });
    expect(zb.webhook).toEqual({ url: 'https://bot.example.vn/webhooks/zalo-bot', secret_token: 'zb_secret_12345' });
    expect(tg.sent('setWebhook')[0]!.body.allowed_updates).toEqual(['message', 'edited_message', 'callback_query', 'my_chat_member']);
    expect(tg.commands.get('')?.map((c) => c.command)).toEqual(['start', 'help', 'language', 'stop']);
    expect(tg.commands.get('')?.[0]?.description).toContain('Bắt đầu');
    expect(tg.commands.get('en')?.[2]?.description).toContain('Change language');
    const removed = await registerWebhooks(channels(), { remove: true });
    expect(removed.ok).toBe(true);
    expect(tg.webhook).toBeUndefined();
    expect(zb.webhook).toBeUndefined();
  });

  it('explains what is missing', async () => {
    const noUrl = await registerWebhooks(loadConfig({ TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_WEBHOOK_SECRET: 'tg_secret_12345' }).channels);
    expect(noUrl).toMatchObject({ ok: false, lines: [expect.stringContaining('PUBLIC_BASE_URL')] });
    const bad = await registerWebhooks(channels({ TELEGRAM_BOT_TOKEN: '1:wrong' }));
    expect(bad.ok).toBe(false);
    expect(bad.lines.join('\n')).toMatch(/Telegram: failed/);
  });
});

describe('channel configuration', () => {
  it('turns a channel on only when its credentials are set, with documented defaults', () => {
    const none = loadConfig({}).channels;
    expect(none).toMatchObject({ mode: 'webhook', telegram: null, zaloBot: null, zaloOa: null, perChatIntervalMs: 1000 });
    const on = channels();
    expect(on.telegram).toMatchObject({ sendRate: 25 });
    expect(on.zaloBot).toMatchObject({ sendRate: 5 });
    expect(on.publicBaseUrl).toBe('https://bot.example.vn');
  });

  it('names every missing credential of a half-configured channel', () => {
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: '1:abc' })).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: '1:abc', CHANNEL_MODE: 'polling' })).not.toThrow();
    expect(() => loadConfig({ ZALO_OA_APP_ID: '1', ZALO_OA_APP_SECRET: 's' })).toThrow(/ZALO_OA_SECRET_KEY[\s\S]*ZALO_OA_ACCESS_TOKEN[\s\S]*ZALO_OA_REFRESH_TOKEN/);
    expect(() => loadConfig({ ZALO_BOT_TOKEN: '1:abc', ZALO_BOT_WEBHOOK_SECRET: 'short' })).toThrow(/ZALO_BOT_WEBHOOK_SECRET/);
    expect(() => loadConfig({ TELEGRAM_API_ROOT: 'not a url' })).toThrow(/TELEGRAM_API_ROOT/);
  });
});
