/**
 * `npm run bench -- accounts` (issue 14.1): with 10 and with 10,000 stored
 * channel accounts, the webhook's account lookup (AccountDirectory.active, the
 * Maps the per-account routes use) in ns/op, the start-up load of all accounts
 * (one query, no decryption) and the first-use opening of one account's sealed
 * secrets. O(1) shows as the same ns/op at both sizes. The two sizes are measured
 * in alternation and the best of several rounds is kept, so a busy shared machine
 * moves both alike.
 */
import { randomBytes } from 'node:crypto';
import { createPrismaClient } from '../runtime/database.js';
import { AccountDirectory } from '../runtime/accounts/account-directory.js';
import { createChannelAccountStore } from '../runtime/accounts/channel-account.store.js';
import { createSecretBox } from '../runtime/accounts/secret-box.js';
import type { BenchResult } from './bench-result.js';
import { withBenchDatabase } from './bench-database.js';

const SMALL = 10;
const LARGE = 10_000;
const LOOKUPS = 1_000_000;
const ROUNDS = 5;

/** Best ns per lookup over ROUNDS of LOOKUPS lookups of slugs spread over the directory. */
function lookupNs(directory: AccountDirectory, spread: number): number {
  const slugs = Array.from({ length: 1024 }, (_, k) => `ward-${(k * 7919) % spread}`);
  let found = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < LOOKUPS; i += 1) if (directory.active('telegram', slugs[i & 1023]!)) found += 1;
  const ns = Number(process.hrtime.bigint() - started) / LOOKUPS;
  if (found !== LOOKUPS) throw new Error('a lookup missed an account');
  return ns;
}

async function timeMs(fn: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export async function run(): Promise<BenchResult[]> {
  const box = createSecretBox(randomBytes(32));
  return withBenchDatabase(async (url) => {
    const prisma = createPrismaClient(url);
    try {
      const store = createChannelAccountStore(prisma, box);
      const insert = async (from: number, to: number) => {
        const rows = [];
        for (let i = from; i < to; i += 1) {
          const id = `telegram:ward-${i}`;
          // Sealed exactly as the admin API writes them.
          rows.push({
            id,
            kind: 'telegram',
            slug: `ward-${i}`,
            unitId: `unit-${i % 3300}`,
            displayName: `Ward ${i}`,
            credentials: box.seal(JSON.stringify({ token: `${100000 + i}:token-${i}` }), id),
            webhookSecret: box.seal(`secret_${i}_abcdef`, `${id}#webhook`),
          });
        }
        for (let at = 0; at < rows.length; at += 1_000) await prisma.channelAccount.createMany({ data: rows.slice(at, at + 1_000) });
      };
      const load = async () => {
        const directory = new AccountDirectory({ store, defaults: [] });
        await directory.load();
        return directory;
      };

      await insert(0, SMALL);
      const small = await load();
      let smallLoad = Number.POSITIVE_INFINITY;
      for (let r = 0; r < 3; r += 1) smallLoad = Math.min(smallLoad, await timeMs(load));
      await insert(SMALL, LARGE);
      const large = await load();
      let largeLoad = Number.POSITIVE_INFINITY;
      for (let r = 0; r < 3; r += 1) largeLoad = Math.min(largeLoad, await timeMs(load));

      let smallNs = Number.POSITIVE_INFINITY;
      let largeNs = Number.POSITIVE_INFINITY;
      let largeSameNs = Number.POSITIVE_INFINITY;
      for (let r = 0; r < ROUNDS; r += 1) {
        smallNs = Math.min(smallNs, lookupNs(small, SMALL));
        largeNs = Math.min(largeNs, lookupNs(large, LARGE));
        largeSameNs = Math.min(largeSameNs, lookupNs(large, SMALL));
      }

      const opens = 1_000;
      const started = process.hrtime.bigint();
      for (let i = 0; i < opens; i += 1) large.active('telegram', `ward-${i}`)!.secrets();
      const openUs = Number(process.hrtime.bigint() - started) / 1e3 / opens;

      const n = (x: number) => x.toLocaleString('en-US');
      return [
        { name: `webhook account lookup, ${n(SMALL)} accounts`, value: smallNs, unit: 'ns/op', note: `best of ${ROUNDS} × ${n(LOOKUPS)}` },
        { name: `webhook account lookup, ${n(LARGE)} accounts`, value: largeSameNs, unit: 'ns/op', note: `same ${n(SMALL)} accounts asked: ${(largeSameNs / smallNs).toFixed(2)}× the ${n(SMALL)}-account figure (O(1): ≈1×)` },
        { name: `  … 1,024 different accounts asked`, value: largeNs, unit: 'ns/op', note: `${(largeNs / smallNs).toFixed(2)}×: CPU cache misses on more entries touched, not a longer search` },
        { name: `start-up load, ${n(SMALL)} accounts`, value: smallLoad, unit: 'ms', note: 'best of 3; one SELECT, secrets opened on first use' },
        { name: `start-up load, ${n(LARGE)} accounts`, value: largeLoad, unit: 'ms', note: 'best of 3' },
        { name: 'first use of an account: open its secrets', value: openUs, unit: 'µs', note: `AES-256-GCM token + webhook secret, mean of ${n(opens)}` },
      ] satisfies BenchResult[];
    } finally {
      await prisma.$disconnect();
    }
  });
}
