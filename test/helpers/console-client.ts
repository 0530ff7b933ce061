import { expect } from 'vitest';

export interface ConsoleMessage {
  id: string;
  at: string;
  text: string;
  buttons: Array<{ label: string; value: string }>;
}

/**
 * Drives the bot through the console HTTP API, exactly as the console page does:
 * POST a message, then poll for the replies the worker sent.
 */
export function createConsoleClient(baseUrl: string) {
  const lastSeen = new Map<string, string>();

  async function call(method: string, path: string, body?: unknown) {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  async function fetchNew(userId: string): Promise<ConsoleMessage[]> {
    const after = lastSeen.get(userId);
    const query = new URLSearchParams({ userId, ...(after ? { after } : {}) });
    const { status, body } = await call('GET', `/console/api/messages?${query}`);
    expect(status).toBe(200);
    const messages = body.messages as ConsoleMessage[];
    if (messages.length > 0) lastSeen.set(userId, messages.at(-1)!.id);
    return messages;
  }

  /** Waits until at least `count` new replies arrived (default 1), then a little more for stragglers. */
  async function replies(userId: string, count = 1, timeoutMs = 15_000): Promise<ConsoleMessage[]> {
    const collected: ConsoleMessage[] = [];
    const deadline = Date.now() + timeoutMs;
    while (collected.length < count) {
      if (Date.now() > deadline) {
        throw new Error(`Expected ${count} repl${count === 1 ? 'y' : 'ies'} for ${userId}, got ${collected.length}: ${JSON.stringify(collected.map((m) => m.text))}`);
      }
      collected.push(...(await fetchNew(userId)));
      if (collected.length < count) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return collected;
  }

  return {
    call,
    async user(id: string, fields: { role?: string; unitId?: string; locale?: string; displayName?: string } = {}) {
      const { status, body } = await call('POST', '/console/api/users', { id, ...fields });
      expect(status, JSON.stringify(body)).toBe(200);
      return body;
    },
    async send(userId: string, text: string) {
      const { status, body } = await call('POST', '/console/api/messages', { userId, text });
      expect(status, JSON.stringify(body)).toBe(202);
      return body.id as string;
    },
    async press(userId: string, button: string) {
      const { status, body } = await call('POST', '/console/api/messages', { userId, button });
      expect(status, JSON.stringify(body)).toBe(202);
      return body.id as string;
    },
    replies,
    /** Sends a text and returns the reply (or `count` replies). */
    async say(userId: string, text: string, count = 1) {
      await this.send(userId, text);
      return replies(userId, count);
    },
    /** Asserts that nothing more arrives within `ms`. */
    async expectSilence(userId: string, ms = 500) {
      await new Promise((resolve) => setTimeout(resolve, ms));
      expect(await fetchNew(userId)).toEqual([]);
    },
  };
}
export type ConsoleClient = ReturnType<typeof createConsoleClient>;
