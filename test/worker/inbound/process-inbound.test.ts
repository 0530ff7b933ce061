import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundEvent } from '../../../bot/core/inbound-event.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';
import { redisAvailable } from '../../helpers/test-redis.js';
import { createQueueInboundSink } from '../../../webhooks/ingress/inbound-sink.js';
import { QUEUE_NAMES } from '../../../runtime/queues.js';
import { inboundJobId } from '../../../webhooks/ingress/inbound-job-id.js';

function event(eventId: string, userId: string, text: string): InboundEvent {
  return { channel: 'console', eventId, userId: `console:${userId}`, chatId: userId, kind: 'text', text, at: new Date().toISOString() };
}

describe.skipIf(!redisAvailable())('inbound processing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('handles the same update delivered three times exactly once', async () => {
    await t.console.user('dup');
    const sink = createQueueInboundSink(t.app.queues.queue(QUEUE_NAMES.inbound));
    const same = event('upd-42', 'dup', 'xin chao');
    await Promise.all([sink.accept(same), sink.accept(same), sink.accept(same)]);
    await t.console.replies('dup', 1);
    // No silence window: the three deliveries collapse into one job; once it has
    // completed, count the turns and the replies it wrote.
    const job = await t.app.queues.queue(QUEUE_NAMES.inbound).getJob(inboundJobId('console', 'upd-42'));
    await expect.poll(() => job?.getState(), { timeout: 15_000 }).toBe('completed');
    expect(await t.db.prisma.inboundEventLog.count({ where: { userId: 'console:dup' } })).toBe(1);
    expect(await t.db.prisma.outboundMessage.count({ where: { userId: 'console:dup' } })).toBe(1);
  });

  it('handles a redelivery after the first job was already removed, once', async () => {
    await t.console.user('late');
    const sink = createQueueInboundSink(t.app.queues.queue(QUEUE_NAMES.inbound));
    const update = event('upd-77', 'late', 'tro giup');
    await sink.accept(update);
    await t.console.replies('late', 1);
    const inbound = t.app.queues.queue(QUEUE_NAMES.inbound);
    await inbound.clean(0, 1000, 'completed');
    await sink.accept(update);
    // Wait for the redelivered job itself to finish, then check it wrote nothing.
    const jobId = inboundJobId('console', 'upd-77');
    await expect.poll(async () => (await inbound.getJob(jobId))?.getState(), { timeout: 15_000 }).toBe('completed');
    expect((await inbound.getJob(jobId))?.returnvalue).toMatchObject({ status: 'duplicate' });
    expect(await t.db.prisma.outboundMessage.count({ where: { userId: 'console:late' } })).toBe(1);
  });

  it('answers two messages of one user in order, each once', async () => {
    await t.console.user('burst');
    await Promise.all([t.console.send('burst', 'xin chao'), t.console.send('burst', 'cam on')]);
    const replies = await t.console.replies('burst', 2);
    expect(replies).toHaveLength(2);
    const state = await t.db.prisma.conversationState.findUniqueOrThrow({ where: { userId: 'console:burst' } });
    expect(state.version).toBe(2);
  });

  it('keeps platform ids as strings and the text in NFC', async () => {
    await t.console.user('nfd');
    await t.console.say('nfd', 'xin chào'.normalize('NFD'));
    const row = await t.db.prisma.inboundEventLog.findFirstOrThrow({ where: { userId: 'console:nfd' } });
    expect((row.payload as { text: string }).text).toBe('xin chào'.normalize('NFC'));
    expect(typeof (row.payload as { chatId: unknown }).chatId).toBe('string');
  });
});

describe.skipIf(!redisAvailable())('reachability', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('marks an unfollow unreachable and clears it when the user writes again', async () => {
    await t.console.user('away');
    const sink = createQueueInboundSink(t.app.queues.queue(QUEUE_NAMES.inbound));
    await sink.accept({ ...event('unf-1', 'away', ''), kind: 'unfollow', text: undefined });
    await expect.poll(() => t.db.prisma.recipientStatus.findUnique({ where: { userId: 'console:away' } }), { timeout: 10_000 }).toMatchObject({ reason: 'unfollowed' });
    await t.console.say('away', 'xin chao');
    expect(await t.db.prisma.recipientStatus.findUnique({ where: { userId: 'console:away' } })).toBeNull();
  });
});
