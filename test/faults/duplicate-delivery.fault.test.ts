import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { telegramPayloads, zaloBotPayloads, zaloOaPayloads } from '../fakes/payloads.js';
import { startFaultApp, printFigures, tally, until, PLATFORM_CHANNELS, type FaultApp, type PlatformChannel } from './support/fault-app.js';
import { startPrivateRedis, type PrivateRedis } from './support/private-redis.js';

/**
 * Platforms redeliver when they are not sure we got an update (a slow answer, a
 * lost TCP ack), sometimes while the first delivery is still in flight. The same
 * update posted three times at once must be answered once, on every channel.
 */
const ROUNDS = 5;

function update(channel: PlatformChannel, round: number): { body: unknown; chatId: string } {
  if (channel === 'telegram') {
    const userId = 810_000 + round;
    return { body: telegramPayloads.text('Xin chào', { userId, updateId: 9_100_000 + round }), chatId: String(userId) };
  }
  if (channel === 'zalo-bot') {
    const userId = `dupzb${String(round).padStart(15, '0')}`;
    return { body: zaloBotPayloads.text('Xin chào', { userId, messageId: `dupmsg${String(round).padStart(14, "0")}` }), chatId: userId };
  }
  const userId = `85638479123400${String(round).padStart(5, '0')}`;
  return { body: zaloOaPayloads.text('Xin chào', { userId, msgId: `dupoa${round}abcdef` }), chatId: userId };
}

describe('the same update delivered 3× at once', () => {
  let redis: PrivateRedis;
  let f: FaultApp;
  beforeAll(async () => {
    redis = await startPrivateRedis();
    f = await startFaultApp({ redisUrl: redis.url });
  });
  afterAll(async () => {
    await f?.stop();
    await redis?.stop();
  });

  it.each(PLATFORM_CHANNELS)('%s: one answer per update', async (channel) => {
    const updates = Array.from({ length: ROUNDS }, (_, round) => update(channel, round));
    const statuses: number[] = [];
    for (const { body } of updates) {
      const answers = await Promise.all([f.post(channel, body), f.post(channel, body), f.post(channel, body)]);
      statuses.push(...answers.map((a) => a.status));
    }
    expect(statuses.every((s) => s === 200)).toBe(true);
    const chats = new Set(updates.map((u) => u.chatId));
    await until(() => [...chats].every((chat) => f.sends(channel).some((s) => s.chatId === chat)), `${channel} answers`);
    // Every turn is one transaction; its replies are in the outbox when it commits.
    // Wait until the outbox has nothing pending, then count what reached the platform.
    await until(async () => (await f.t.db.prisma.outboundMessage.count({ where: { status: 'pending' } })) === 0, 'outbox drained');
    const perChat = tally(f.sends(channel).filter((s) => chats.has(s.chatId)).map((s) => s.chatId));
    const turns = await f.t.db.prisma.inboundEventLog.count({ where: { channel } });
    const duplicates = [...perChat.values()].reduce((sum, n) => sum + n - 1, 0);
    printFigures(`duplicate delivery (${channel})`, {
      sent: updates.length * 3,
      accepted: statuses.filter((s) => s === 200).length,
      answered: perChat.size,
      duplicates,
      losses: updates.length - perChat.size,
      turns,
    });
    expect(turns).toBe(ROUNDS);
    expect(perChat.size).toBe(ROUNDS);
    expect(duplicates).toBe(0);
  });
});
