import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundJobId } from '../../webhooks/ingress/inbound-job-id.js';
import { runSeed } from '../../prisma/seed/seed.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { printFigures } from './support/fault-app.js';
import { startPrivateRedis, type PrivateRedis } from './support/private-redis.js';

/**
 * A cadre in the middle of a registration taps send ten times in a row (or the
 * platform delivers ten updates at once). The turns run one after another under
 * the per-user lock: every message gets exactly one answer, the answers go out in
 * the order the turns ran, and the draft saw every turn (no lost update).
 */
const COUNT = 10;

describe('10 messages from one user sent in parallel', () => {
  let redis: PrivateRedis;
  let db: TestDatabase;
  let t: TestApp;
  const me = 'parallel-cadre';
  beforeAll(async () => {
    redis = await startPrivateRedis();
    db = await createTestDatabase();
    await runSeed(db.prisma);
    t = await startTestApp({ database: db, redisUrl: redis.url });
    await t.console.user(me, { role: 'cadre', unitId: 'hn-p-cuanam' });
  });
  afterAll(async () => {
    await t?.stop();
    await db?.drop();
    await redis?.stop();
  });

  it('answers each once, in the order the turns ran, with the draft intact', async () => {
    const [first] = await t.console.say(me, 'đăng ký mô hình');
    expect(first!.text).toContain('Bước 1/7');
    const userId = `console:${me}`;
    const before = await db.prisma.conversationState.findUniqueOrThrow({ where: { userId } });
    const texts = Array.from({ length: COUNT }, (_, i) => `Mô hình khéo vận động số ${i + 1} của tổ dân phố`);
    const ids = await Promise.all(texts.map((text) => t.console.send(me, text)));
    const replies = await t.console.replies(me, COUNT, 60_000);

    const perMessage = ids.map((id) => replies.filter((r) => r.replyTo === id).length);
    // The order the turns committed (each turn stamps processed_at as its last write).
    const jobIds = ids.map((id) => inboundJobId('console', id));
    const turns = await db.prisma.inboundEventLog.findMany({ where: { id: { in: jobIds } }, orderBy: { processedAt: 'asc' }, select: { id: true } });
    const turnOrder = turns.map((turn) => ids[jobIds.indexOf(turn.id)]);
    const answerOrder = replies.map((r) => r.replyTo);
    const after = await db.prisma.conversationState.findUniqueOrThrow({ where: { userId } });
    const firstTurnText = texts[ids.indexOf(turnOrder[0]!)] ?? '(no turn recorded)';
    printFigures('10 messages of one user in parallel', {
      sent: COUNT,
      accepted: ids.length,
      answered: perMessage.filter((n) => n > 0).length,
      duplicates: perMessage.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
      losses: perMessage.filter((n) => n === 0).length,
      stateVersions: after.version - before.version,
    });
    expect(perMessage).toEqual(ids.map(() => 1));
    expect(answerOrder).toEqual(turnOrder);
    // Every turn saw the state the previous one saved: the version went up once per message.
    expect(after.version - before.version).toBe(COUNT);
    // The first turn to run answered step 1: its text is the model's name in the draft.
    expect(JSON.stringify(after.data)).toContain(firstTurnText);
    expect(after.flow).toBe(before.flow);
  });
});
