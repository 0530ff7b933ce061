import type { FakeTelegram } from '../../test/fakes/telegram.fake.js';

/**
 * The environment of a product process under a bench: its own database and queue prefix,
 * the loopback fake Telegram, pacing off (`TELEGRAM_SEND_RATE=0`, warned at start-up) so
 * the figure is the product's, not the pacer's.
 */
export function benchRoleEnv(options: { databaseUrl: string; redisUrl: string | null; prefix: string; telegram: FakeTelegram; webhookSecret: string }): Record<string, string> {
  return {
    DATABASE_URL: options.databaseUrl,
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    QUEUE_PREFIX: options.prefix,
    PORT: '0',
    LOG_LEVEL: 'info',
    TELEGRAM_BOT_TOKEN: options.telegram.token,
    TELEGRAM_WEBHOOK_SECRET: options.webhookSecret,
    TELEGRAM_API_ROOT: options.telegram.url,
    TELEGRAM_SEND_RATE: '0',
    SEND_PER_CHAT_INTERVAL_MS: '0',
  };
}
