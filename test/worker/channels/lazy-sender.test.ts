import { describe, expect, it } from 'vitest';
import type { ChannelSender } from '../../../worker/outbound/channel-sender.js';
import { lazySender } from '../../../worker/channels/lazy-sender.js';

const to = { channel: 'telegram' as const, userId: 'telegram:1', chatId: 'telegram:1' };

/** A sender that records what it was asked to send (the platform edge is not involved here). */
function recordingSender(sent: string[]): ChannelSender {
  return { channel: 'telegram', send: async (_to, message) => (sent.push(message.text), { platformMessageIds: [String(sent.length)] }) };
}

describe('lazySender: a sender built on its first send', () => {
  it('builds nothing until the first send, then builds once for concurrent sends', async () => {
    let builds = 0;
    const sent: string[] = [];
    const sender = lazySender('telegram', async () => (builds++, recordingSender(sent)));
    expect(sender.channel).toBe('telegram');
    expect(builds).toBe(0);
    const results = await Promise.all(['một', 'hai', 'ba'].map((text) => sender.send(to, { text }, { idempotencyKey: `k-${text}` })));
    expect(builds).toBe(1);
    expect(sent.sort()).toEqual(['ba', 'hai', 'một']);
    expect(results.every((r) => r.platformMessageIds.length === 1)).toBe(true);
  });

  it('tries the build again on the next send after a failed one', async () => {
    let builds = 0;
    const sent: string[] = [];
    const sender = lazySender('telegram', async () => {
      if (++builds === 1) throw new Error('module failed to load');
      return recordingSender(sent);
    });
    await expect(sender.send(to, { text: 'lần đầu' }, { idempotencyKey: 'a' })).rejects.toThrow('module failed to load');
    await sender.send(to, { text: 'lần hai' }, { idempotencyKey: 'b' });
    expect(builds).toBe(2);
    expect(sent).toEqual(['lần hai']);
  });
});
