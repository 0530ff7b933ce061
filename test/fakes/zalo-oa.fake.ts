import { randomBytes } from 'node:crypto';
import { FakePlatform, type FakeReply, type RecordedCall } from './fake-server.js';

/**
 * Fake Zalo OA Open API v3 and OAuth v4 on one port (point ZALO_OA_API_ROOT and
 * ZALO_OA_OAUTH_ROOT at it). `/v3.0/oa/message/cs` checks the `access_token`
 * header (-216 when unknown); `/v4/oa/access_token` checks `secret_key` and
 * treats refresh tokens as single-use, counting every presentation.
 */
export class FakeZaloOa extends FakePlatform {
  readonly validAccessTokens = new Set<string>();
  private currentRefreshToken: string;
  /** How many times each refresh token was presented (a reuse is a bug). */
  readonly refreshUses = new Map<string, number>();
  /** Slows OAuth down to widen race windows in tests. */
  oauthDelayMs = 0;

  constructor(
    readonly appId = '1234567890123456789',
    readonly appSecret = 'app-secret-for-tests',
    initial = { accessToken: 'oa-access-0', refreshToken: 'oa-refresh-0' },
  ) {
    super();
    this.validAccessTokens.add(initial.accessToken);
    this.currentRefreshToken = initial.refreshToken;
  }

  /** Successful-or-not consultation sends. */
  sentCs(): RecordedCall[] {
    return this.calls.filter((c) => c.path === '/v3.0/oa/message/cs');
  }
  /** Makes every current access token invalid, as when it expires. */
  expireAccessTokens(): void {
    this.validAccessTokens.clear();
  }

  static error(code: number, message: string): FakeReply {
    // Zalo OA answers HTTP 200 with a non-zero `error`.
    return { status: 200, body: { error: code, message } };
  }

  protected async handle(call: RecordedCall): Promise<FakeReply> {
    if (call.path === '/v4/oa/access_token') return this.oauth(call);
    if (call.path === '/v3.0/oa/message/cs') {
      const token = call.headers.access_token;
      if (typeof token !== 'string' || !this.validAccessTokens.has(token)) return FakeZaloOa.error(-216, 'Access token is invalid');
      const failure = this.failures.take('cs');
      if (failure) return failure;
      const recipient = call.body.recipient as { user_id?: unknown } | undefined;
      const message = call.body.message as { text?: unknown } | undefined;
      if (typeof recipient?.user_id !== 'string' || !/^\d+$/.test(recipient.user_id)) return FakeZaloOa.error(-201, 'Parameters are invalid: user_id');
      if (typeof message?.text !== 'string' || message.text.length > 2000) return FakeZaloOa.error(-201, 'Parameters are invalid: text');
      return { status: 200, body: { error: 0, message: 'Success', data: { message_id: randomBytes(16).toString('hex'), user_id: recipient.user_id } } };
    }
    return { status: 404, body: { error: 404, message: 'empty api' } };
  }

  private async oauth(call: RecordedCall): Promise<FakeReply> {
    if (this.oauthDelayMs > 0) await new Promise((r) => setTimeout(r, this.oauthDelayMs));
    if (call.headers.secret_key !== this.appSecret || call.body.app_id !== this.appId) {
      return { status: 200, body: { error: -14002, error_name: 'Invalid app', error_description: 'app_id or secret_key is invalid' } };
    }
    const presented = String(call.body.refresh_token ?? '');
    this.refreshUses.set(presented, (this.refreshUses.get(presented) ?? 0) + 1);
    if (call.body.grant_type !== 'refresh_token' || presented !== this.currentRefreshToken) {
      return { status: 200, body: { error: -14014, error_name: 'Invalid parameter', error_description: 'Invalid refresh token' } };
    }
    const n = this.refreshUses.size;
    const accessToken = `oa-access-${n}`;
    this.currentRefreshToken = `oa-refresh-${n}`;
    this.validAccessTokens.clear();
    this.validAccessTokens.add(accessToken);
    return { status: 200, body: { access_token: accessToken, refresh_token: this.currentRefreshToken, expires_in: '90000' } };
  }
}
