import { expect } from 'vitest';

export interface ConsoleMessage {
  id: string;
  at: string;
  text: string;
  buttons: Array<{ label: string; value: string }>;
  /** A file the bot sent with the message (export, chart), served at `url`. */
  file?: { fileId: string; filename: string; contentType: string; kind: 'document' | 'image'; url: string } | null;
  /** The console message this answers, or null for a proactive message (a notification). */
  replyTo: string | null;
}

/**
 * Drives the bot through the console HTTP API, exactly as the console page does:
 * POST a message, then poll for what the worker sent. Messages are buffered per
 * user, so `say` returns the answers to *that* message while notifications that
 * arrive meanwhile (a new registration for a reviewer) wait for `replies`.
 */
export function createConsoleClient(baseUrl: string) {
  const lastSeen = new Map<string, string>();
  const unread = new Map<string, ConsoleMessage[]>();

  async function call(method: string, path: string, body?: unknown) {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  async function pull(userId: string): Promise<ConsoleMessage[]> {
    const after = lastSeen.get(userId);
    const query = new URLSearchParams({ userId, ...(after ? { after } : {}) });
    const { status, body } = await call('GET', `/console/api/messages?${query}`);
    expect(status).toBe(200);
    const messages = body.messages as ConsoleMessage[];
    if (messages.length > 0) lastSeen.set(userId, messages.at(-1)!.id);
    const buffer = unread.get(userId) ?? [];
    buffer.push(...messages);
    unread.set(userId, buffer);
    return buffer;
  }

  /** Waits until `pick` finds at least `count` buffered messages, removes and returns them. */
  async function take(userId: string, count: number, pick: (m: ConsoleMessage) => boolean, timeoutMs: number): Promise<ConsoleMessage[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const buffer = await pull(userId);
      const picked = buffer.filter(pick);
      if (picked.length >= count) {
        unread.set(userId, buffer.filter((m) => !picked.includes(m)));
        return picked;
      }
      if (Date.now() > deadline) {
        throw new Error(`Expected ${count} message(s) for ${userId}, got ${picked.length}: ${JSON.stringify(buffer.map((m) => m.text))}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Every message not yet read (answers and notifications), waiting for at least `count`. */
  function replies(userId: string, count = 1, timeoutMs = 15_000): Promise<ConsoleMessage[]> {
    return take(userId, count, () => true, timeoutMs);
  }

  async function send(userId: string, text: string): Promise<string> {
    const { status, body } = await call('POST', '/console/api/messages', { userId, text });
    expect(status, JSON.stringify(body)).toBe(202);
    return body.id as string;
  }

  async function press(userId: string, button: string): Promise<string> {
    const { status, body } = await call('POST', '/console/api/messages', { userId, button });
    expect(status, JSON.stringify(body)).toBe(202);
    return body.id as string;
  }

  return {
    call,
    async user(id: string, fields: { role?: string; unitId?: string; locale?: string; displayName?: string } = {}) {
      const { status, body } = await call('POST', '/console/api/users', { id, ...fields });
      expect(status, JSON.stringify(body)).toBe(200);
      return body;
    },
    send,
    press,
    replies,
    /** The answers to one message, once `count` of them arrived (other messages stay unread). */
    answersTo(userId: string, messageId: string, count = 1, timeoutMs = 15_000) {
      return take(userId, count, (m) => m.replyTo === messageId, timeoutMs);
    },
    /** Sends a text and returns the answer(s) to it. */
    async say(userId: string, text: string, count = 1) {
      const id = await send(userId, text);
      return take(userId, count, (m) => m.replyTo === id, 15_000);
    },
  };
}
export type ConsoleClient = ReturnType<typeof createConsoleClient>;
