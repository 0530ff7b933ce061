import type { Redis } from 'ioredis';
import { systemClock, type Clock } from '../../bot/core/clock.js';
import { RedisRefreshLock, RefreshLockTimeoutError, type RefreshLock } from './refresh-lock.js';

/** A Zalo OA token pair as persisted. The refresh token is single-use and rotates on every refresh. */
export interface ZaloOaTokens {
  accessToken: string;
  refreshToken: string;
  /** Unknown for the initial tokens from the environment; then only a refused send triggers a refresh. */
  accessTokenExpiresAt: Date | null;
}

/** Where rotated tokens live (PostgreSQL `channel_credential` in production). */
export interface ZaloOaTokenRepository {
  load(): Promise<ZaloOaTokens | null>;
  save(tokens: ZaloOaTokens): Promise<void>;
}

export class ZaloOaRefreshError extends Error {
  override readonly name = 'ZaloOaRefreshError';
  constructor(message: string, readonly permanent: boolean, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export interface ZaloOaTokenManagerOptions {
  repository: ZaloOaTokenRepository;
  /**
   * Serialises refreshes across processes (worker/channels/refresh-lock.ts): a
   * PostgreSQL advisory lock on the embedded default, Redis in production.
   * Default: a Redis lock on `redis` under `keyPrefix + lockKey`.
   */
  lock?: RefreshLock;
  /** Used only when `lock` is not given. */
  redis?: Redis;
  appId: string;
  /** App secret (ZALO_OA_APP_SECRET), sent as the `secret_key` header to the OAuth endpoint. */
  appSecret: string;
  /** Seed used when nothing is persisted yet (ZALO_OA_ACCESS_TOKEN / ZALO_OA_REFRESH_TOKEN). */
  initial?: { accessToken: string; refreshToken: string };
  /** Default `https://oauth.zaloapp.com` (ZALO_OA_OAUTH_ROOT). */
  oauthRoot?: string;
  /** Redis lock key. Default `lock:zalo-oa-token`. */
  lockKey?: string;
  keyPrefix?: string;
  /** Lock lease; must outlast one OAuth call. Default 30 s. */
  lockTtlMs?: number;
  /** How long a second worker waits for the first one's refresh. Default 35 s. */
  lockWaitMs?: number;
  /** Refresh proactively when the token has less than this left. Default 6 h. */
  refreshAheadMs?: number;
  clock?: Clock;
  fetch?: typeof fetch;
}

/**
 * Hands out the current OA access token and refreshes it when it is near expiry
 * or was refused. Refreshing happens under a cross-process lock, and the holder re-reads
 * the store first: a worker that was waiting finds the token already rotated and
 * uses it, so a refresh token is presented to Zalo exactly once.
 */
export class ZaloOaTokenManager {
  private readonly clock: Clock;
  private readonly fetchImpl: typeof fetch;
  private readonly lock: RefreshLock;

  constructor(private readonly options: ZaloOaTokenManagerOptions) {
    this.clock = options.clock ?? systemClock;
    this.fetchImpl = options.fetch ?? fetch;
    if (options.lock) this.lock = options.lock;
    else if (options.redis) {
      const key = `${options.keyPrefix ?? ''}${options.lockKey ?? 'lock:zalo-oa-token'}`;
      this.lock = new RedisRefreshLock({ redis: options.redis, key, ttlMs: options.lockTtlMs, waitMs: options.lockWaitMs });
    } else {
      throw new TypeError('ZaloOaTokenManager needs `lock` (or `redis`): refreshes must be serialised across workers (runtime/channels.ts builds it).');
    }
  }

  async current(): Promise<ZaloOaTokens> {
    const stored = await this.options.repository.load();
    if (stored) return stored;
    if (!this.options.initial) {
      throw new ZaloOaRefreshError(
        'No Zalo OA token is stored and none is configured; set ZALO_OA_ACCESS_TOKEN and ZALO_OA_REFRESH_TOKEN (docs/channels.md, "Zalo OA").',
        true,
      );
    }
    const seeded = { ...this.options.initial, accessTokenExpiresAt: null };
    await this.options.repository.save(seeded);
    return seeded;
  }

  /** The token to send with; refreshed first if it expires within `refreshAheadMs`. */
  async getAccessToken(): Promise<string> {
    const tokens = await this.current();
    const ahead = this.options.refreshAheadMs ?? 6 * 3600_000;
    if (tokens.accessTokenExpiresAt && tokens.accessTokenExpiresAt.getTime() - this.clock.now().getTime() < ahead) {
      return (await this.refresh(tokens.accessToken)).accessToken;
    }
    return tokens.accessToken;
  }

  /**
   * Replaces `staleAccessToken`. If another worker already replaced it, returns
   * theirs without calling Zalo. Throws ZaloOaRefreshError (permanent when Zalo
   * refused the refresh token: the OA must be re-authorised).
   */
  async refresh(staleAccessToken: string): Promise<ZaloOaTokens> {
    return this.lock.withLock(async () => {
      const latest = await this.current();
      if (latest.accessToken !== staleAccessToken) return latest;
      let rotated: ZaloOaTokens;
      try {
        rotated = await this.callOAuth(latest.refreshToken);
      } catch (error) {
        // After an operator re-authorises the OA, the new tokens arrive through the
        // environment while the store still holds the spent pair: adopt them once.
        const initial = this.options.initial;
        if (error instanceof ZaloOaRefreshError && error.permanent && initial && initial.refreshToken !== latest.refreshToken && initial.accessToken !== staleAccessToken) {
          rotated = { ...initial, accessTokenExpiresAt: null };
        } else {
          throw error;
        }
      }
      await this.options.repository.save(rotated);
      return rotated;
    }).catch((error: unknown) => {
      if (error instanceof RefreshLockTimeoutError) throw new ZaloOaRefreshError(error.message, false, { cause: error });
      throw error;
    });
  }

  private async callOAuth(refreshToken: string): Promise<ZaloOaTokens> {
    const root = (this.options.oauthRoot ?? 'https://oauth.zaloapp.com').replace(/\/+$/, '');
    let response: Response;
    try {
      response = await this.fetchImpl(`${root}/v4/oa/access_token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: this.options.appSecret },
        body: new URLSearchParams({ app_id: this.options.appId, grant_type: 'refresh_token', refresh_token: refreshToken }),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      throw new ZaloOaRefreshError('Zalo OAuth did not answer; the refresh is retried on the next send. Check ZALO_OA_OAUTH_ROOT.', false, { cause: error });
    }
    const body = (await response.json().catch(() => ({}))) as {
      access_token?: string;
      refresh_token?: string;
      expires_in?: string | number;
      error?: number;
      error_description?: string;
      error_name?: string;
    };
    if (!response.ok || !body.access_token || !body.refresh_token) {
      const permanent = response.status < 500 && response.status !== 429;
      throw new ZaloOaRefreshError(
        `Zalo OAuth refused the refresh (${body.error ?? response.status}: ${body.error_description ?? body.error_name ?? 'no description'}). ` +
          (permanent ? 'The refresh token is spent or revoked: re-authorise the OA and set new ZALO_OA_* tokens (docs/channels.md).' : 'Retried on the next send.'),
        permanent,
      );
    }
    // `expires_in` is a string of seconds ("90000"); default to 1 h if absent, like Chatwoot.
    const seconds = Number(body.expires_in ?? 3600);
    return {
      accessToken: body.access_token,
      refreshToken: body.refresh_token,
      accessTokenExpiresAt: new Date(this.clock.now().getTime() + (Number.isFinite(seconds) ? seconds : 3600) * 1000),
    };
  }
}

/** For tests and the console; production persists in PostgreSQL. */
export class MemoryZaloOaTokenRepository implements ZaloOaTokenRepository {
  constructor(private tokens: ZaloOaTokens | null = null) {}
  async load(): Promise<ZaloOaTokens | null> {
    return this.tokens ? { ...this.tokens } : null;
  }
  async save(tokens: ZaloOaTokens): Promise<void> {
    this.tokens = { ...tokens };
  }
}
