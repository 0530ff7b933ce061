import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeReply, RecordedCall } from '../fakes/fake-server.js';
import { sendJobId } from '../../worker/outbound/outbox.js';
import { QUEUE_NAMES } from '../../runtime/queues.js';
import { printFigures, startFaultApp, until, type FaultApp } from './support/fault-app.js';
import { startPrivateRedis, type PrivateRedis } from './support/private-redis.js';
import { deliver, streamUpdate } from './support/update-stream.js';

/**
 * The duplicate the Redis-outage run showed now and then, made to happen every
 * time: Redis dies while a Zalo Bot send is at the platform. The platform
 * accepts the message; then the worker must remember that it did. While the
 * sent-parts ledger lived in Redis, that write failed, the outbox row stayed
 * pending, the job stalled, and once Redis was back the job ran again and sent
 * the message a second time. The ledger now lives in PostgreSQL next to the
 * outbox row (runtime/channels.ts), so the retry finds the row sent.
 */
describe('Redis dies while a send is at the platform', () => {
  let redis: PrivateRedis;
  let f: FaultApp;
  let crashedDuringSend = false;

  beforeAll(async () => {
    redis = await startPrivateRedis({ persistent: true });
    f = await startFaultApp({ redisUrl: redis.url });
    f.zb.intercept = async (call: RecordedCall): Promise<FakeReply | undefined> => {
      if (!call.path.endsWith('/sendMessage') || crashedDuringSend) return undefined;
      crashedDuringSend = true;
      await redis.crash();
      return undefined; // the platform accepts the message all the same
    };
  });
  afterAll(async () => {
    // Known gap (docs/reliability.md): after Redis crashed under it, the first worker's close can
    // wait on the send job it had in flight when the crash came (its completion never written).
    // Bounded here so the suite goes on; stopping Redis then ends that wait with an error.
    await Promise.race([f?.stop(), new Promise((resolve) => setTimeout(resolve, 30_000))]);
    await redis?.stop();
  }, 90_000);

  it('sends the reply once after Redis comes back', async () => {
    const update = streamUpdate(31, 1); // index 1: a Zalo Bot user
    expect(update.channel).toBe('zalo-bot');
    await deliver(f, update);
    const delivered = () => f.zb.sent('sendMessage').filter((c) => c.body.chat_id === update.chatId && c.status === 200);
    await until(() => delivered().length === 1, 'the platform to accept the reply');
    await redis.start();
    // Wait until the job that sent the reply is really over (a stalled job is picked up again
    // after the queue's stalled check): completed in the queue. A reply leaves from its turn's
    // job (worker/outbound/send-replies-now.ts), or from a send job if it was handed over.
    const row = await f.t.db.prisma.outboundMessage.findFirstOrThrow({ where: { userId: `zalo-bot:${update.chatId}` } });
    const outbound = f.t.app.queues.queue(QUEUE_NAMES.outbound);
    const inbound = f.t.app.queues.queue(QUEUE_NAMES.inbound);
    // Right after the restart the queue's own connection may still be reconnecting (it keeps no
    // offline queue): such a poll counts as "not yet", not as a failure.
    const jobState = async () => {
      try {
        const job = (await outbound.getJob(sendJobId(row.id))) ?? (await inbound.getJob(row.inReplyTo!));
        return await job?.getState();
      } catch {
        return undefined;
      }
    };
    await until(async () => (await jobState()) === 'completed', 'the job that sent the reply to complete', 110_000);
    const after = await f.t.db.prisma.outboundMessage.findUniqueOrThrow({ where: { id: row.id } });
    printFigures('Redis dies during a send', {
      sent: 1,
      accepted: update.statuses.filter((s) => s === 200).length,
      answered: delivered().length > 0 ? 1 : 0,
      duplicates: Math.max(0, delivered().length - 1),
      losses: delivered().length === 0 ? 1 : 0,
      rowStatus: after.status,
      attempts: after.attempts,
    });
    expect(after.status).toBe('sent');
    expect(delivered()).toHaveLength(1);
  });
});
