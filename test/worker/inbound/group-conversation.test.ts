import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundEvent } from '../../../bot/core/inbound-event.js';
import { QUEUE_NAMES } from '../../../runtime/queues.js';
import { createQueueInboundSink } from '../../../webhooks/ingress/inbound-sink.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';
import { FakeTelegram } from '../../fakes/telegram.fake.js';

/**
 * Group chats (issue 13 item 4) at the worker: the conversation state is per (user,
 * group), the user's reply address stays their private chat, and writing in a group
 * does not make a user who blocked the bot reachable in private again.
 */
describe('a user writing in a group', () => {
  let t: TestApp;
  // Replies are really sent (to a loopback fake), so nothing is left retrying at shutdown.
  let tg: FakeTelegram;
  beforeAll(async () => {
    tg = await new FakeTelegram().start();
    t = await startTestApp({ env: { TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_WEBHOOK_SECRET: 'tg_secret_group_test', TELEGRAM_API_ROOT: tg.url } });
  });
  afterAll(async () => {
    await t?.stop();
    await tg?.close();
  });

  const processed = (jobId: string) =>
    expect.poll(async () => (await t.db.prisma.inboundEventLog.findUnique({ where: { id: jobId } }))?.processedAt ?? null, { timeout: 15_000 }).not.toBeNull();

  it('keeps a separate conversation, the private reply address and the private unreachability', async () => {
    const sink = createQueueInboundSink(t.app.queues.queue<InboundEvent>(QUEUE_NAMES.inbound));
    const at = new Date().toISOString();
    const user = 'telegram:880001';
    await sink.accept({ channel: 'telegram', eventId: '880001', userId: user, chatId: user, kind: 'text', text: 'đăng ký mô hình', at });
    await processed('tg-880001');
    await sink.accept({ channel: 'telegram', eventId: '880002', userId: user, chatId: user, kind: 'unfollow', at });
    await processed('tg-880002');
    await sink.accept({ channel: 'telegram', eventId: '880003', userId: user, chatId: 'telegram:-100880', kind: 'text', text: '/start', at, chatType: 'group', addressed: true });
    await processed('tg-880003');

    const states = await t.db.prisma.conversationState.findMany({ where: { userId: { startsWith: user } }, orderBy: { userId: 'asc' } });
    expect(states.map((s) => [s.userId, s.flow])).toEqual([
      [user, 'cadre.link'],
      [`${user}@telegram:-100880`, null],
    ]);
    expect(await t.db.prisma.chatUser.findUnique({ where: { id: user } })).toMatchObject({ chatId: user });
    expect(await t.db.prisma.recipientStatus.findUnique({ where: { userId: user } })).toMatchObject({ reason: 'unfollowed' });
    const groupReply = await t.db.prisma.outboundMessage.findFirstOrThrow({ where: { inReplyTo: 'tg-880003' } });
    expect(groupReply.chatId).toBe('telegram:-100880');
  });
});
