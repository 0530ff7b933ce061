/**
 * `npm run setup:webhooks` registers PUBLIC_BASE_URL/webhooks/<channel> and the
 * secrets with Telegram and Zalo Bot for the environment's accounts, and
 * PUBLIC_BASE_URL/webhooks/<channel>/<slug> for every active stored ward account
 * (channel_account; needs DATABASE_URL and CHANNEL_SECRET_KEY);
 * `npm run setup:webhooks -- --delete` removes them (needed before
 * CHANNEL_MODE=polling). See docs/channels.md.
 */
import 'dotenv/config';
import { loadConfigOrExit } from '../runtime/config.js';
import { registerWebhooks } from '../webhooks/channels/register-webhooks.js';
import { registerAccountWebhooks } from '../webhooks/channels/register-account-webhooks.js';
import { createPrismaClient } from '../runtime/database.js';
import { createChannelAccountStore } from '../runtime/accounts/channel-account.store.js';
import { createSecretBox } from '../runtime/accounts/secret-box.js';

const config = loadConfigOrExit();
const remove = process.argv.includes('--delete');
const c = config.channels;
const lines: string[] = [];
let ok = true;

let stored: Awaited<ReturnType<ReturnType<typeof createChannelAccountStore>['loadAll']>> = [];
if (config.databaseUrl) {
  const prisma = createPrismaClient(config.databaseUrl);
  try {
    const box = c.secretKeys.length > 0 ? createSecretBox(c.secretKeys) : null;
    stored = await createChannelAccountStore(prisma, box).loadAll();
  } catch (error) {
    ok = false;
    lines.push(`Stored ward accounts: cannot be read — ${(error as Error).message}`);
  } finally {
    await prisma.$disconnect();
  }
} else {
  lines.push('DATABASE_URL is not set: only the environment accounts are registered (stored ward accounts live in the database).');
}

if (c.telegram || c.zaloBot || c.zaloOa || stored.length === 0) {
  const result = await registerWebhooks(c, { remove });
  ok &&= result.ok;
  lines.push(...result.lines);
}
if (stored.length > 0) {
  const result = await registerAccountWebhooks(stored, c, { remove });
  ok &&= result.ok;
  lines.push(...result.lines);
}
for (const line of lines) console.log(line);
process.exit(ok ? 0 : 1);
