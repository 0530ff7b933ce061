import { FakePlatform, type FakeReply, type RecordedCall } from './fake-server.js';

/**
 * Fake Telegram Bot API: `/bot<token>/<method>`, `{ok, result}` envelope, and
 * the documented errors (429 with/without `parameters.retry_after`, 403 blocked,
 * 401 bad token). `getUpdates` honours `offset` like the real one.
 */
export class FakeTelegram extends FakePlatform {
  private nextMessageId = 1;
  private readonly updates: Record<string, unknown>[] = [];
  webhook: { url: string; secret_token?: string } | undefined;
  /** setMyCommands lists by language_code ('' = the default list). */
  readonly commands = new Map<string, Array<{ command: string; description: string }>>();

  /** More bots on the same fake API (multi-account tests): each is told apart by the token in the path. */
  readonly otherTokens = new Set<string>();
  /** Files users "sent", by file_id: served by getFile and `/file/bot<token>/<file_path>`. */
  private readonly files = new Map<string, { path: string; bytes: Buffer }>();

  constructor(readonly token = '123456:TEST-token') {
    super();
  }

  /** Makes a file fetchable as a user's upload; `path` is its `file_path` (e.g. `documents/file_3.pdf`). */
  addFile(fileId: string, path: string, bytes: Buffer): void {
    this.files.set(fileId, { path, bytes });
  }


  queueUpdate(update: Record<string, unknown>): void {
    this.updates.push(update);
  }

  static tooManyRequests(retryAfter?: number): FakeReply {
    return {
      status: 429,
      body: {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${retryAfter ?? 5}`,
        ...(retryAfter === undefined ? {} : { parameters: { retry_after: retryAfter } }),
      },
    };
  }
  static blocked(): FakeReply {
    return { status: 403, body: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' } };
  }
  static badRequest(description = 'Bad Request: message text is empty'): FakeReply {
    return { status: 400, body: { ok: false, error_code: 400, description } };
  }
  static serverError(): FakeReply {
    return { status: 502, body: { ok: false, error_code: 502, description: 'Bad Gateway' } };
  }

  protected async handle(call: RecordedCall): Promise<FakeReply> {
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(call.path);
    if (download) {
      const failure = this.failures.take('download');
      if (failure) return failure;
      const file = [...this.files.values()].find((f) => f.path === download[2]);
      if ((download[1] !== this.token && !this.otherTokens.has(download[1]!)) || !file) return { status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } };
      return { status: 200, body: file.bytes, headers: { 'content-type': 'application/octet-stream' } };
    }
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(call.path);
    if (!match) return { status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } };
    const [, token, method] = match;
    if (token !== this.token && !this.otherTokens.has(token!)) return { status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } };
    // A failure scripted for one chat (`sendMessage:<chat_id>`) only hits that chat, so
    // sends still in flight from other tests cannot consume it.
    const failure = this.failures.take(`${method}:${String(call.body.chat_id ?? '')}`) ?? this.failures.take(method!);
    if (failure) return failure;
    const ok = (result: unknown): FakeReply => ({ status: 200, body: { ok: true, result } });
    switch (method) {
      case 'getMe':
        return ok({ id: 123456, is_bot: true, first_name: 'Dan Van Kheo', username: 'dvk_test_bot' });
      case 'sendMessage': {
        const chatId = call.body.chat_id;
        if (!call.body.text) return FakeTelegram.badRequest();
        return ok({ message_id: this.nextMessageId++, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private' }, text: call.body.text });
      }
      case 'sendDocument':
      case 'sendPhoto': {
        const files = (call.body.files ?? []) as Array<{ filename: string }>;
        if (files.length === 0) return FakeTelegram.badRequest('Bad Request: there is no file in the request');
        const date = Math.floor(Date.now() / 1000);
        const chat = { id: call.body.chat_id, type: 'private' };
        const media = method === 'sendPhoto' ? { photo: [{ file_id: 'photo-1', width: 800, height: 600 }] } : { document: { file_id: 'doc-1', file_name: files[0]!.filename } };
        return ok({ message_id: this.nextMessageId++, date, chat, ...media });
      }
      case 'getFile': {
        const file = this.files.get(String(call.body.file_id ?? ''));
        if (!file) return FakeTelegram.badRequest('Bad Request: invalid file_id');
        return ok({ file_id: call.body.file_id, file_unique_id: `u-${String(call.body.file_id)}`, file_size: file.bytes.byteLength, file_path: file.path });
      }
      case 'answerCallbackQuery':
        return ok(true);
      case 'setWebhook':
        this.webhook = { url: String(call.body.url), secret_token: call.body.secret_token as string | undefined };
        return ok(true);
      case 'setMyCommands':
        this.commands.set(String(call.body.language_code ?? ''), call.body.commands as Array<{ command: string; description: string }>);
        return ok(true);
      case 'deleteWebhook':
        this.webhook = undefined;
        return ok(true);
      case 'getWebhookInfo':
        return ok({ url: this.webhook?.url ?? '', has_custom_certificate: false, pending_update_count: 0 });
      case 'getUpdates': {
        if (this.webhook) return { status: 409, body: { ok: false, error_code: 409, description: "Conflict: can't use getUpdates method while webhook is active" } };
        const offset = Number(call.body.offset ?? 0);
        // Long poll, shortened for tests: wait briefly for an update before answering [].
        for (let waited = 0; waited < 300 && !this.updates.some((u) => Number(u.update_id) >= offset); waited += 20) {
          await new Promise((r) => setTimeout(r, 20));
        }
        while (this.updates.length > 0 && Number(this.updates[0]!.update_id) < offset) this.updates.shift();
        return ok(this.updates.slice(0, Number(call.body.limit ?? 100)));
      }
      default:
        return { status: 404, body: { ok: false, error_code: 404, description: 'Not Found: method not found' } };
    }
  }
}
