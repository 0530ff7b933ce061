import type { PrismaClient } from '../../runtime/database.js';
import type { PaceStore } from './pace-store.js';

/**
 * The PostgreSQL twin of RedisPaceStore: `pace_slot` rows and the functions
 * `dvk_pace_reserve` / `dvk_pace_block` (same arithmetic as the Lua scripts, on
 * the database clock), `pace_hit` for recent 429s. One round trip per call.
 */
export class PostgresPaceStore implements PaceStore {
  private calls = 0;
  constructor(private readonly prisma: PrismaClient) {}

  async reserve(chatKey: string, credentialKey: string, chatIntervalMs: number, credentialIntervalMs: number, maxWaitMs: number) {
    // Redis keys expire by themselves; here slots long past are trimmed now and then (one row per chat otherwise stays forever).
    if (++this.calls % 1000 === 0) await this.trim();
    const rows = await this.prisma.$queryRaw<Array<{ granted: boolean; wait_ms: bigint }>>`
      SELECT granted, wait_ms FROM dvk_pace_reserve(${chatKey}, ${credentialKey}, ${Math.ceil(chatIntervalMs)}::int, ${Math.ceil(credentialIntervalMs)}::int, ${Math.ceil(maxWaitMs)}::int)`;
    const row = rows[0]!;
    return { granted: row.granted, waitMs: Math.max(0, Number(row.wait_ms)) };
  }

  private async trim(): Promise<void> {
    await this.prisma.$executeRaw`DELETE FROM pace_slot WHERE next_at < clock_timestamp() - interval '1 hour'`;
    await this.prisma.$executeRaw`DELETE FROM pace_hit WHERE at < clock_timestamp() - interval '1 hour'`;
  }

  async block(key: string, ms: number): Promise<void> {
    await this.prisma.$executeRaw`SELECT dvk_pace_block(${key}, ${Math.max(0, Math.ceil(ms))}::int)`;
  }

  async noteRateLimited(credentialKey: string, chatKey: string, windowMs: number): Promise<number> {
    const rows = await this.prisma.$queryRaw<Array<{ chats: bigint }>>`
      WITH noted AS (
        INSERT INTO pace_hit (credential_key, chat_key, at) VALUES (${credentialKey}, ${chatKey}, clock_timestamp())
        ON CONFLICT (credential_key, chat_key) DO UPDATE SET at = EXCLUDED.at
      ), trimmed AS (
        DELETE FROM pace_hit WHERE credential_key = ${credentialKey} AND at < clock_timestamp() - make_interval(secs => ${windowMs / 1000}::float8)
      )
      SELECT count(*)::bigint + 1 AS chats FROM pace_hit
      WHERE credential_key = ${credentialKey} AND chat_key <> ${chatKey} AND at >= clock_timestamp() - make_interval(secs => ${windowMs / 1000}::float8)`;
    return Number(rows[0]?.chats ?? 1);
  }
}
