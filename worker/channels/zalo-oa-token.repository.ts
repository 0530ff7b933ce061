import type { Db } from '../../runtime/database.js';
import type { ZaloOaTokenRepository, ZaloOaTokens } from './zalo-oa-token.js';

/**
 * Rotated Zalo OA tokens in PostgreSQL (`channel_credential`), one row per OA app.
 * Only the lock holder writes (ZaloOaTokenManager), so a plain upsert suffices.
 */
export function createPrismaZaloOaTokenRepository(db: Db, appId: string): ZaloOaTokenRepository {
  const id = `zalo-oa-${appId}`;
  return {
    async load(): Promise<ZaloOaTokens | null> {
      const row = await db.channelCredential.findUnique({ where: { id } });
      return row ? { accessToken: row.accessToken, refreshToken: row.refreshToken, accessTokenExpiresAt: row.accessTokenExpiresAt } : null;
    },
    async save(tokens: ZaloOaTokens): Promise<void> {
      const data = { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, accessTokenExpiresAt: tokens.accessTokenExpiresAt };
      await db.channelCredential.upsert({ where: { id }, create: { id, ...data }, update: data });
    },
  };
}
