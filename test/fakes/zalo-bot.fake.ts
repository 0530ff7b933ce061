import { randomBytes } from 'node:crypto';
import { FakePlatform, type FakeReply, type RecordedCall } from './fake-server.js';

/**
 * Fake Zalo Bot Platform: `/bot<token>/<method>`, POST+JSON, `{ok, result}` or
 * `{ok:false, error_code, description}` (no `parameters`, so no retry_after).
 * `getUpdates` returns ONE update object, or error 408 when nothing arrived.
 */
export class FakeZaloBot extends FakePlatform {
  private readonly updates: Record<string, unknown>[] = [];
  webhook: { url: string; secret_token: string } | undefined;
  /** HTTP status used with the 408 envelope (Zalo's HTTP status on errors is unverified). */
  pollTimeoutHttpStatus = 200;

  /** Photos users "sent", by path: the webhook carries `<url>/media/<name>`, as Zalo's CDN URL. */
  private readonly media = new Map<string, Buffer>();

  constructor(readonly token = '1234567890123456789:zalo-bot-secret') {
    super();
  }

  /** Serves `bytes` at the returned URL (what a user's photo message links to). */
  addMedia(name: string, bytes: Buffer): string {
    this.media.set(`/media/${name}`, bytes);
    return `${this.url}/media/${name}`;
  }

  queueUpdate(update: Record<string, unknown>): void {
    this.updates.push(update);
  }

  static error(code: number, description: string, httpStatus = 200): FakeReply {
    return { status: httpStatus, body: { ok: false, error_code: code, description } };
  }
  static quotaExceeded(): FakeReply {
    return FakeZaloBot.error(429, 'Quota exceeded', 429);
  }

  protected async handle(call: RecordedCall): Promise<FakeReply> {
    const media = this.media.get(call.path);
    if (media) return { status: 200, body: media, headers: { 'content-type': 'image/jpeg' } };
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(call.path);
    if (!match) return FakeZaloBot.error(400, 'Bad request: wrong path', 400);
    const [, token, method] = match;
    if (token !== this.token) return FakeZaloBot.error(401, 'Unauthorized', 401);
    const failure = this.failures.take(method!);
    if (failure) return failure;
    const ok = (result: unknown): FakeReply => ({ status: 200, body: { ok: true, result } });
    switch (method) {
      case 'getMe':
        return ok({ id: '1234567890123456789', account_name: 'bot.dvk', account_type: 'BASIC', can_join_groups: false });
      case 'sendMessage': {
        const text = call.body.text;
        if (typeof call.body.chat_id !== 'string' || typeof text !== 'string' || text.length === 0 || text.length > 2000) {
          return FakeZaloBot.error(400, 'Bad request: invalid chat_id or text', 400);
        }
        return ok({ message_id: randomBytes(10).toString('hex'), date: Date.now() });
      }
      case 'setWebhook': {
        const secret = String(call.body.secret_token ?? '');
        if (secret.length < 8 || secret.length > 256) return FakeZaloBot.error(400, 'secret_token must be 8-256 characters', 400);
        this.webhook = { url: String(call.body.url), secret_token: secret };
        return ok({ url: this.webhook.url, updated_at: Date.now() });
      }
      case 'deleteWebhook':
        this.webhook = undefined;
        return ok({ url: '', updated_at: Date.now() });
      case 'getWebhookInfo':
        return ok({ url: this.webhook?.url ?? '', updated_at: Date.now() });
      case 'getUpdates': {
        if (this.webhook) return FakeZaloBot.error(400, 'Webhook is set; delete it before polling', 400);
        // Long poll, shortened for tests.
        for (let waited = 0; waited < 300 && this.updates.length === 0; waited += 20) await new Promise((r) => setTimeout(r, 20));
        const next = this.updates.shift();
        return next ? ok(next) : FakeZaloBot.error(408, 'Request timeout', this.pollTimeoutHttpStatus);
      }
      default:
        return FakeZaloBot.error(404, 'Not found', 404);
    }
  }
}
