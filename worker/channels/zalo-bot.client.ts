/**
 * A small client for the Zalo Bot Platform API rather than grammY's `Api` with
 * `apiRoot` (platforms.md §1.10): grammY would type every result as Telegram's
 * (`message_id` number, `date` seconds), cannot call `getUpdates` (Zalo returns
 * one object and 408 when idle), and auto-retry never helps (Zalo 429s carry no
 * `retry_after`). The API is four POST+JSON methods, so owning them is cheaper
 * than working around a Telegram client.
 */
export class ZaloBotApiError extends Error {
  override readonly name = 'ZaloBotApiError';
  constructor(
    readonly method: string,
    readonly errorCode: number,
    readonly description: string,
    readonly httpStatus: number,
  ) {
    super(`Zalo Bot ${method} failed (${errorCode}): ${description}`);
  }
}

/** The request never got a Zalo answer (DNS, refused, reset, timeout). */
export class ZaloBotNetworkError extends Error {
  override readonly name = 'ZaloBotNetworkError';
  constructor(readonly method: string, cause: unknown) {
    super(`Zalo Bot ${method}: no answer from the API (${cause instanceof Error ? cause.message : String(cause)}); check ZALO_BOT_API_ROOT and the network.`, { cause });
  }
}

export interface ZaloBotClientOptions {
  token: string;
  /** Default `https://bot-api.zaloplatforms.com` (ZALO_BOT_API_ROOT); the legacy host is bot-api.zapps.me. */
  apiRoot?: string;
  /** Per-request timeout. Default 20 s; `getUpdates` adds its long-poll timeout on top. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export const ZALO_BOT_DEFAULT_API_ROOT = 'https://bot-api.zaloplatforms.com';

export class ZaloBotClient {
  private readonly root: string;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: ZaloBotClientOptions) {
    this.root = (options.apiRoot ?? ZALO_BOT_DEFAULT_API_ROOT).replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** POSTs JSON to `/bot<token>/<method>`; resolves `result` when `ok`, else throws ZaloBotApiError. */
  async call<T>(method: string, params: Record<string, unknown> = {}, extraTimeoutMs = 0): Promise<T> {
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.root}/bot${this.options.token}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(params),
        signal: AbortSignal.timeout((this.options.timeoutMs ?? 20_000) + extraTimeoutMs),
      });
    } catch (error) {
      throw new ZaloBotNetworkError(method, error);
    }
    const text = await response.text().catch(() => '');
    let body: { ok?: boolean; result?: unknown; error_code?: number; description?: string } | undefined;
    try {
      body = text ? (JSON.parse(text) as typeof body) : undefined;
    } catch {
      body = undefined;
    }
    if (body?.ok === true && response.ok) return body.result as T;
    // Zalo may set the HTTP status too; the envelope's code wins when present.
    const code = typeof body?.error_code === 'number' ? body.error_code : response.status;
    const description = body?.description ?? (text.slice(0, 200) || response.statusText || 'no description');
    throw new ZaloBotApiError(method, code, description, response.status);
  }
}
