import { matchesSecret, singleHeader } from './constant-time.js';

/** Zalo Bot Platform sends the `secret_token` given to `setWebhook` in this header (plain value, not a MAC). */
export const ZALO_BOT_SECRET_HEADER = 'x-bot-api-secret-token';

export function verifyZaloBotSecret(header: string | string[] | undefined, expectedSecret: string): boolean {
  return matchesSecret(singleHeader(header), expectedSecret);
}
