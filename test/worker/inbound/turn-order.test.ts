import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundEvent } from '../../../bot/core/inbound-event.js';
import type { ConversationEngine } from '../../../bot/conversation/conversation-engine.js';
import { createBot } from '../../../bot/create-bot.js';
import { systemClock } from '../../../bot/core/clock.js';
import { createNluUnderstanding } from '../../../bot/conversation/nlu-understanding.js';
import { createNlu, CLARIFY_THRESHOLD } from '../../../bot/nlu/index.js';
import { createTranslator } from '../../../bot/i18n/translator.js';
import { LOCALES_DIR } from '../../../runtime/start-application.js';
import { createLogger } from '../../../runtime/logger.js';
import { runSeed } from '../../../prisma/seed/seed.js';
import { createBotServices } from '../../../worker/store/bot-services.js';
import { createInboundProcessor } from '../../../worker/inbound/process-inbound.js';
import { ConversationConflictError } from '../../../worker/inbound/conversation-state.store.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.js';
import { until } from '../../helpers/until.js';

/**
 * Issue 12 item 7: one user's second turn must not commit before the first. The
 * first turn ("đăng ký mô hình") is held inside its transaction, after the
 * per-user lock, by a gate in front of the bot; the second ("Ngõ phố xanh", the
 * answer to step 1) is started while it is held. Only once the second turn is
 * seen waiting on a PostgreSQL lock (or has committed, which is the bug) is the
 * first released. In order, the second answer is step 2 and the draft's title is
 * the second message; out of order, the second message reaches no flow and the
 * draft never gets its title.
 *
 * Proven to fail: with `pg_advisory_xact_lock` AND the chat_user upsert (whose
 * row lock also orders turns) both removed from process-inbound.ts, the second
 * turn commits first and this test fails.
 */
describe('turn order of one user', () => {
  let db: TestDatabase;
  let processInbound: ReturnType<typeof createInboundProcessor>;
  let release: () => void = () => undefined;
  let held = false;
  const userId = 'console:order-cadre';

  beforeAll(async () => {
    db = await createTestDatabase();
    await runSeed(db.prisma);
    await db.prisma.chatUser.create({
      data: { id: userId, channel: 'console', platformUserId: 'order-cadre', chatId: 'order-cadre', role: 'cadre', unitId: 'hn-p-cuanam', locale: 'vi', localeChosen: true },
    });
    const translator = createTranslator({ localesDir: LOCALES_DIR });
    const bot = createBot({ clock: systemClock, translator, understand: createNluUnderstanding(createNlu({ clock: systemClock })), clarifyThreshold: CLARIFY_THRESHOLD });
    const gate = new Promise<void>((resolve) => (release = resolve));
    // The injected hook: the first message's turn waits here, inside its transaction.
    const gated: ConversationEngine = {
      ...bot,
      async handle(input) {
        if (input.event.eventId === 'order-1') {
          held = true;
          await gate;
        }
        return bot.handle(input);
      },
    };
    processInbound = createInboundProcessor({
      prisma: db.prisma,
      bot: gated,
      logger: createLogger({ level: 'silent' }),
      defaultLocale: 'vi',
      createServices: (tx) => createBotServices(tx),
    });
  });
  afterAll(async () => {
    release();
    await db?.drop();
  });

  /** Runs a turn as the queue would: a conflict (another turn saved first) is retried. */
  async function turn(eventId: string, text: string): Promise<void> {
    const event: InboundEvent = { channel: 'console', eventId, userId, chatId: 'order-cadre', kind: 'text', text, at: new Date().toISOString() };
    for (;;) {
      try {
        await processInbound(`console:${eventId}`, event);
        return;
      } catch (error) {
        if (!(error instanceof ConversationConflictError)) throw error;
      }
    }
  }

  it('commits the second turn after the first, and the second sees the first one’s state', async () => {
    const first = turn('order-1', 'đăng ký mô hình');
    await until(() => held, 'the first turn to reach the bot');
    const second = turn('order-2', 'Ngõ phố xanh');
    const secondCommitted = async () => (await db.prisma.inboundEventLog.count({ where: { id: 'console:order-2', processedAt: { not: null } } })) === 1;
    const secondWaitsOnALock = async () => {
      const rows = await db.prisma.$queryRaw<Array<{ n: bigint }>>`
        SELECT count(*)::bigint AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      return Number(rows[0]?.n ?? 0) > 0;
    };
    // Wait for an outcome, not a time: the second turn blocked (correct) or done (the bug).
    const blocked = await until(async () => ((await secondWaitsOnALock()) ? 'waiting' : (await secondCommitted()) ? 'committed' : false), 'the second turn to block or commit');
    release();
    await Promise.all([first, second]);

    const turns = await db.prisma.inboundEventLog.findMany({ where: { userId }, orderBy: { processedAt: 'asc' }, select: { id: true } });
    const replies = await db.prisma.outboundMessage.findMany({ where: { userId }, orderBy: { id: 'asc' }, select: { inReplyTo: true, text: true } });
    const text = (i: number) => replies[i]?.text ?? '';
    const state = await db.prisma.conversationState.findUniqueOrThrow({ where: { userId } });

    expect(blocked).toBe('waiting');
    expect(turns.map((t) => t.id)).toEqual(['console:order-1', 'console:order-2']);
    expect(replies.map((r) => r.inReplyTo)).toEqual(['console:order-1', 'console:order-2']);
    expect(text(0)).toContain('Bước 1/7');
    expect(text(1)).toContain('Bước 2/7');
    expect(state.version).toBe(2);
    expect(JSON.stringify(state.data)).toContain('Ngõ phố xanh');
  });
});
