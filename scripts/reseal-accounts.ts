/**
 * `npm run accounts:reseal`: after putting a new key first in CHANNEL_SECRET_KEY
 * (`CHANNEL_SECRET_KEY=<new>,<old>`), re-seals every stored channel account with
 * the new key; then the old key can be dropped. Run it again if it reports rows
 * left (an OA token rotated while it ran). See docs/channels.md "Many accounts".
 */
import 'dotenv/config';
import { loadConfigOrExit } from '../runtime/config.js';
import { createPrismaClient } from '../runtime/database.js';
import { createSecretBox } from '../runtime/accounts/secret-box.js';
import { resealAccounts } from '../runtime/accounts/reseal-accounts.js';

const config = loadConfigOrExit();
if (!config.databaseUrl || config.channels.secretKeys.length === 0) {
  console.error('Set DATABASE_URL and CHANNEL_SECRET_KEY=<new key>,<old key> first (docs/channels.md "Many accounts").');
  process.exit(1);
}
const prisma = createPrismaClient(config.databaseUrl);
try {
  const total = await prisma.channelAccount.count();
  const done = await resealAccounts(prisma, createSecretBox(config.channels.secretKeys));
  console.log(`Re-sealed ${done} of ${total} channel account(s) with the first CHANNEL_SECRET_KEY.${done < total ? ' Run again for the rest.' : ' The other key(s) can now be removed.'}`);
  process.exitCode = done < total ? 1 : 0;
} finally {
  await prisma.$disconnect();
}
