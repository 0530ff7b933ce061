import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received, body decoded as JSON or form when it can be. */
export interface RecordedCall {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
  rawBody: string;
  /** When it arrived (ms since epoch): pacing tests measure the spacing of sends. */
  at: number;
  /** The HTTP status the fake answered with, once it has answered (a call still waiting has none). */
  status?: number;
}

export interface FakeReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export type FakeHandler = (call: RecordedCall) => FakeReply | Promise<FakeReply>;

/** A loopback HTTP server on a free port: the platform edge in tests, nothing else is faked. */
export class FakeHttpServer {
  readonly calls: RecordedCall[] = [];
  private server: Server | undefined;
  url = '';

  constructor(private readonly handle: FakeHandler) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const call: RecordedCall = {
      method: req.method ?? 'GET',
      path: new URL(req.url ?? '/', 'http://x').pathname,
      headers: req.headers,
      body: decodeBody(req.headers['content-type'], rawBody),
      rawBody,
      at: Date.now(),
    };
    this.calls.push(call);
    try {
      const reply = await this.handle(call);
      call.status = reply.status;
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(Buffer.isBuffer(reply.body) || typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
    } catch (error) {
      call.status = 500;
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  }
}

function decodeBody(contentType: string | undefined, raw: string): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  if (contentType?.includes('multipart/form-data')) return decodeMultipart(contentType, raw);
  try {
    const parsed = JSON.parse(raw) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Multipart uploads (Telegram sendDocument / sendPhoto): plain fields as strings, file
 * parts as `{ filename, contentType, size }` under their field name, plus `files`
 * listing every file part (the body was read as text, so sizes are approximate).
 */
function decodeMultipart(contentType: string, raw: string): Record<string, unknown> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return {};
  const body: Record<string, unknown> = {};
  const files: Array<{ field: string; filename: string; contentType: string | null; size: number }> = [];
  for (const part of raw.split(`--${marker}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const head = part.slice(0, split);
    const value = part.slice(split + 4).replace(/\r\n$/, '');
    const name = /name="([^"]*)"/.exec(head)?.[1];
    if (!name) continue;
    // grammY writes `filename=name.xlsx` unquoted; browsers and curl quote it.
    const filename = /filename=(?:"([^"]*)"|([^;\r\n]+))/.exec(head)?.slice(1).find((v) => v !== undefined);
    if (filename === undefined) {
      body[name] = value;
      continue;
    }
    const file = { field: name, filename, contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? null, size: value.length };
    files.push(file);
    body[name] = file;
  }
  body.files = files;
  return body;
}

/** Scripted one-shot failures: the next call to `key` gets `reply` instead of success. */
export class FailureScript {
  private readonly queue = new Map<string, FakeReply[]>();
  push(key: string, reply: FakeReply, times = 1): void {
    const list = this.queue.get(key) ?? [];
    for (let i = 0; i < times; i += 1) list.push(reply);
    this.queue.set(key, list);
  }
  take(key: string): FakeReply | undefined {
    return this.queue.get(key)?.shift();
  }
}

/**
 * What every platform fake shares: a loopback server that records each call, a
 * script of one-shot failures, and start/close. A fake only says how it answers.
 */
export abstract class FakePlatform {
  readonly failures = new FailureScript();
  /**
   * Fault tests set this to stand in front of the fake: return a reply (e.g. a 502
   * of a storm) or undefined to let the fake answer; it may wait first (a slow platform).
   */
  intercept: ((call: RecordedCall) => Promise<FakeReply | undefined>) | null = null;
  readonly server = new FakeHttpServer(async (call) => (await this.intercept?.(call)) ?? this.handle(call));

  get url(): string {
    return this.server.url;
  }
  get calls(): RecordedCall[] {
    return this.server.calls;
  }
  async start(): Promise<this> {
    await this.server.start();
    return this;
  }
  close(): Promise<void> {
    return this.server.close();
  }
  /** Calls to one method, e.g. `sent('sendMessage')`. */
  sent(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.path.endsWith(`/${method}`));
  }

  protected abstract handle(call: RecordedCall): Promise<FakeReply>;
}
