/**
 * `npm run setup:webhooks` registers PUBLIC_BASE_URL/webhooks/<channel> and the
 * secrets with Telegram and Zalo Bot; `npm run setup:webhooks -- --delete`
 * removes them (needed before CHANNEL_MODE=polling). See docs/channels.md.
 */
import 'dotenv/config';
import { loadConfigOrExit } from '../runtime/config.js';
import { registerWebhooks } from '../webhooks/channels/register-webhooks.js';

const config = loadConfigOrExit();

const result = await registerWebhooks(config.channels, { remove: process.argv.includes('--delete') });
for (const line of result.lines) console.log(line);
process.exit(result.ok ? 0 : 1);
