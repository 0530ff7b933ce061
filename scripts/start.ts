/**
 * `npm start` (both roles), `npm run start:webhooks`, `npm run start:worker`.
 * Ctrl-C / SIGTERM: graceful stop, exit 0. A second signal forces exit 1.
 */
import 'dotenv/config';
import { loadConfigOrExit } from '../runtime/config.js';
import { startApplication, type Role } from '../runtime/start-application.js';
import { AccountsNeedKeyError } from '../runtime/accounts/accounts-need-key.error.js';

const roleArg = process.argv.indexOf('--role');
const role = roleArg >= 0 ? process.argv[roleArg + 1] : undefined;
if (role !== undefined && role !== 'webhooks' && role !== 'worker') {
  console.error(`Unknown --role "${role}". Use --role webhooks or --role worker, or no --role for both.`);
  process.exit(2);
}

const config = loadConfigOrExit();

const app = await startApplication({ config, roles: role ? [role as Role] : undefined }).catch((error: unknown) => {
  // Stored ward accounts but no key to open them: say how to fix it, no stack trace.
  if (error instanceof AccountsNeedKeyError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
});
if (app.url) {
  const consoleLine = config.consoleEnabled ? `\n  Console:  ${app.url}/console` : '';
  // A generated token (embedded run) is shown so the admin pages can be opened; a configured one is never echoed.
  const adminLine = app.adminToken && !config.adminToken ? `\n  Admin:    ${app.url}/admin (token for this run: ${app.adminToken})` : '';
  process.stdout.write(
    `\nDân vận khéo bot is running.\n  Health:   ${app.url}/health${consoleLine}${adminLine}\n` +
      `  Database: ${app.embeddedDataDir ? 'embedded PostgreSQL in ' + app.embeddedDataDir : 'DATABASE_URL'}\n` +
      `  Queue:    ${app.queueBackend === 'redis' ? 'Redis' : 'BullMQ on PostgreSQL'}\nPress Ctrl-C to stop.\n\n`,
  );
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) {
      console.error('Forced exit.');
      process.exit(1);
    }
    stopping = true;
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Shutdown failed:', error);
        process.exit(1);
      },
    );
  });
}
