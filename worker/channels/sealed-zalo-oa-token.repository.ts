import type { Db } from '../../runtime/database.js';
import type { SecretBox } from '../../runtime/accounts/secret-box.js';
import type { ZaloOaTokenRepository, ZaloOaTokens } from './zalo-oa-token.js';

/**
 * The rotating token pair of a stored Zalo OA account, sealed in its own
 * `channel_account.oa_tokens` (the environment's OA keeps `channel_credential`).
 * Only the refresh-lock holder writes, so a plain update suffices.
 */
export function createSealedZaloOaTokenRepository(db: Db, accountId: string, box: SecretBox): ZaloOaTokenRepository {
  const aad = `${accountId}#oa-tokens`;
  return {
    async load(): Promise<ZaloOaTokens | null> {
      const row = await db.channelAccount.findUnique({ where: { id: accountId }, select: { oaTokens: true } });
      if (!row?.oaTokens) return null;
      const opened = JSON.parse(box.open(row.oaTokens, aad)) as { accessToken: string; refreshToken: string; accessTokenExpiresAt: string | null };
      return { ...opened, accessTokenExpiresAt: opened.accessTokenExpiresAt ? new Date(opened.accessTokenExpiresAt) : null };
    },
    async save(tokens: ZaloOaTokens): Promise<void> {
      const sealed = box.seal(JSON.stringify({ ...tokens, accessTokenExpiresAt: tokens.accessTokenExpiresAt?.toISOString() ?? null }), aad);
      // Raw SQL leaves updated_at alone: a token rotation is not an account change, so the
      // directories of every process do not reload 10,000 accounts for it.
      await db.$executeRaw`UPDATE channel_account SET oa_tokens = ${sealed} WHERE id = ${accountId}`;
    },
  };
}
