import type { Db } from '../database.js';
import type { SecretBox } from './secret-box.js';

/**
 * Key rotation, step 2 (docs/channels.md "Many accounts"): re-seals every stored
 * secret with the first CHANNEL_SECRET_KEY, opening it with whichever listed key
 * sealed it. Each value is replaced only if it is still the one read, so an OA
 * token rotated meanwhile by a worker is never overwritten with the old pair.
 * Returns how many rows were re-sealed. Plaintexts never leave this function.
 */
export async function resealAccounts(db: Db, box: SecretBox): Promise<number> {
  const rows = await db.$queryRaw<Array<{ id: string; credentials: string; webhook_secret: string | null; oa_tokens: string | null }>>`
    SELECT id, credentials, webhook_secret, oa_tokens FROM channel_account ORDER BY id`;
  let done = 0;
  for (const row of rows) {
    const again = (sealed: string | null, aad: string) => (sealed === null ? null : box.seal(box.open(sealed, aad), aad));
    const credentials = again(row.credentials, row.id)!;
    const webhookSecret = again(row.webhook_secret, `${row.id}#webhook`);
    const oaTokens = again(row.oa_tokens, `${row.id}#oa-tokens`);
    const changed = await db.$executeRaw`
      UPDATE channel_account SET credentials = ${credentials}, webhook_secret = ${webhookSecret}, oa_tokens = ${oaTokens}
      WHERE id = ${row.id} AND credentials = ${row.credentials}
        AND webhook_secret IS NOT DISTINCT FROM ${row.webhook_secret} AND oa_tokens IS NOT DISTINCT FROM ${row.oa_tokens}`;
    done += changed;
  }
  return done;
}
