import type { FakeTelegram } from './telegram.fake.js';
import type { FakeZaloBot } from './zalo-bot.fake.js';
import type { FakeZaloOa } from './zalo-oa.fake.js';

export interface FakeChannelSecrets {
  telegram: string;
  zaloBot: string;
  zaloOa: string;
}

/**
 * The environment that switches all three channels on against the loopback fakes
 * (webhook mode), for `startTestApp({ env })`. Extra keys override these.
 */
export function fakeChannelEnv(
  fakes: { tg: FakeTelegram; zb: FakeZaloBot; oa: FakeZaloOa },
  secrets: FakeChannelSecrets,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    TELEGRAM_BOT_TOKEN: fakes.tg.token,
    TELEGRAM_WEBHOOK_SECRET: secrets.telegram,
    TELEGRAM_API_ROOT: fakes.tg.url,
    ZALO_BOT_TOKEN: fakes.zb.token,
    ZALO_BOT_WEBHOOK_SECRET: secrets.zaloBot,
    ZALO_BOT_API_ROOT: fakes.zb.url,
    ZALO_OA_APP_ID: fakes.oa.appId,
    ZALO_OA_APP_SECRET: fakes.oa.appSecret,
    ZALO_OA_SECRET_KEY: secrets.zaloOa,
    ZALO_OA_ACCESS_TOKEN: 'oa-access-0',
    ZALO_OA_REFRESH_TOKEN: 'oa-refresh-0',
    ZALO_OA_API_ROOT: fakes.oa.url,
    ZALO_OA_OAUTH_ROOT: fakes.oa.url,
    SEND_PER_CHAT_INTERVAL_MS: '50',
    ...extra,
  };
}
