/**
 * Where the pacer keeps its slots, shared by every worker process. Two twins with
 * the same algorithm on the store's own clock (so workers with skewed clocks agree):
 * Redis (Lua, redis-pace-store.ts) and PostgreSQL (SQL functions of migration
 * 20261130105705_reliability_core, postgres-pace-store.ts). Both backends pace the
 * same way; test/worker/outbound/pacer.test.ts runs the same cases on each.
 *
 * Why not rate-limiter-flexible: its stores count requests per fixed window and
 * answer "allowed / retry in N ms"; we need the earliest slot that satisfies TWO
 * keys at once (the chat and the credential) taken atomically, so sends are spread
 * evenly instead of bursting at each window start, and a platform's "wait 20 s"
 * can push one key forward. That is the few lines of slot arithmetic below, the
 * same on both stores.
 */
export interface PaceStore {
  /**
   * Takes the earliest instant ≥ now at which both keys are free, pushes each key
   * forward by its interval from that instant, and returns the wait. When the wait
   * would exceed `maxWaitMs` nothing is taken and the wait is returned.
   */
  reserve(chatKey: string, credentialKey: string, chatIntervalMs: number, credentialIntervalMs: number, maxWaitMs: number): Promise<{ granted: boolean; waitMs: number }>;
  /** Nothing on `key` starts before now + `ms` (a later existing slot is kept). */
  block(key: string, ms: number): Promise<void>;
  /** Records a platform 429 on `chatKey`; returns how many distinct chats of the credential had one within `windowMs`. */
  noteRateLimited(credentialKey: string, chatKey: string, windowMs: number): Promise<number>;
}
