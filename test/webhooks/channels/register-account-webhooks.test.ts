import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelAccount } from '../../../runtime/accounts/channel-account.js';
import { loadConfig } from '../../../runtime/config.js';
import { registerAccountWebhooks } from '../../../webhooks/channels/register-account-webhooks.js';
import { FakeTelegram } from '../../fakes/telegram.fake.js';
import { FakeZaloBot } from '../../fakes/zalo-bot.fake.js';

let tg: FakeTelegram;
let zb: FakeZaloBot;
beforeAll(async () => {
  [tg, zb] = await Promise.all([new FakeTelegram('111:ward-a').start(), new FakeZaloBot().start()]);
  tg.otherTokens.add('222:ward-b');
});
afterAll(async () => {
  await Promise.all([tg.close(), zb.close()]);
});

const account = (fields: Pick<ChannelAccount, 'id' | 'kind' | 'channel' | 'slug' | 'status'>, secrets: ReturnType<ChannelAccount['secrets']>): ChannelAccount => ({
  ...fields,
  unitId: 'hn-p-cuanam',
  displayName: fields.slug,
  username: null,
  source: 'db',
  stamp: 1,
  secrets: () => secrets,
});

describe('registerAccountWebhooks (npm run setup:webhooks, stored ward accounts)', () => {
  it("registers each active account's own URL and secret, prints the OA URL, skips disabled ones", async () => {
    const config = loadConfig({ TELEGRAM_API_ROOT: tg.url, ZALO_BOT_API_ROOT: zb.url, PUBLIC_BASE_URL: 'https://bot.example.vn' }).channels;
    const accounts = [
      account({ id: 'telegram:ward-a', kind: 'telegram', channel: 'telegram', slug: 'ward-a', status: 'active' }, { channel: 'telegram', secrets: { token: '111:ward-a', webhookSecret: 'secret_a_123' } }),
      account({ id: 'telegram:ward-b', kind: 'telegram', channel: 'telegram', slug: 'ward-b', status: 'disabled' }, { channel: 'telegram', secrets: { token: '222:ward-b', webhookSecret: 'secret_b_123' } }),
      account({ id: 'zalo-bot:ward-a', kind: 'zalo_bot', channel: 'zalo-bot', slug: 'ward-a', status: 'active' }, { channel: 'zalo-bot', secrets: { token: zb.token, webhookSecret: 'zb_secret_a_1' } }),
      account(
        { id: 'zalo-oa:ward-a', kind: 'zalo_oa', channel: 'zalo-oa', slug: 'ward-a', status: 'active' },
        { channel: 'zalo-oa', secrets: { appId: '42', appSecret: 's', secretKey: 'k', accessToken: 'a', refreshToken: 'r' } },
      ),
    ];
    const result = await registerAccountWebhooks(accounts, config);
    expect(result.ok).toBe(true);
    const set = tg.sent('setWebhook');
    expect(set.map((c) => [c.path, c.body.url, c.body.secret_token])).toEqual([['/bot111:ward-a/setWebhook', 'https://bot.example.vn/webhooks/telegram/ward-a', 'secret_a_123']]);
    expect(zb.webhook).toEqual({ url: 'https://bot.example.vn/webhooks/zalo-bot/ward-a', secret_token: 'zb_secret_a_1' });
    expect(result.lines.join('\n')).toContain('https://bot.example.vn/webhooks/zalo-oa/ward-a');
    expect(result.lines.join('\n')).not.toContain('ward-b');
  });
});
