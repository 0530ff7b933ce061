import { matchesSecret, singleHeader } from './constant-time.js';

/** Telegram sends the `secret_token` given to `setWebhook` in this header on every call. */
export const TELEGRAM_SECRET_HEADER = 'x-telegram-bot-api-secret-token';

export function verifyTelegramSecret(header: string | string[] | undefined, expectedSecret: string): boolean {
  return matchesSecret(singleHeader(header), expectedSecret);
}
