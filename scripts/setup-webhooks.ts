/**
 * `npm run setup:webhooks` registers PUBLIC_BASE_URL/webhooks/<channel> and the
 * secrets with Telegram and Zalo Bot; `npm run setup:webhooks -- --delete`
 * removes them (needed before CHANNEL_MODE=polling). See docs/channels.md.
 */
import 'dotenv/config';
import { ConfigError, loadConfig } from '../runtime/config.js';
import { registerWebhooks } from '../webhooks/channels/register-webhooks.js';

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const result = await registerWebhooks(config.channels, { remove: process.argv.includes('--delete') });
for (const line of result.lines) console.log(line);
process.exit(result.ok ? 0 : 1);
