import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundEvent } from '../../../bot/core/inbound-event.js';
import type { OutboundMessage, Recipient } from '../../../bot/core/outbound-message.js';
import { emptyConversationState } from '../../../bot/conversation/conversation-state.js';
import { poolOf } from '../../../runtime/database.js';
import type { TurnContext } from '../../../worker/inbound/turn-context.store.js';
import { claimTurn } from '../../../worker/inbound/turn-claim.store.js';
import { saveConversationState } from '../../../worker/inbound/conversation-state.store.js';
import { Prisma } from '../../../prisma/generated/client.js';
import pg from 'pg';
import { writeTurnResult } from '../../../worker/inbound/turn-result.store.js';
import { createSendOutbound } from '../../../worker/outbound/send-outbound.js';
import { createSenderRegistry, type ChannelSender } from '../../../worker/outbound/channel-sender.js';
import type { OutboxRow } from '../../../worker/outbound/outbox.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.js';

/**
 * The turn's own statements on a real PostgreSQL: the context statement records the
 * chat user and applies the reply-language rule in SQL (bot/i18n/reply-locale.ts), and
 * the result statement can write the replies already taken, so their send skips the take.
 */
describe('the turn statements', () => {
  let db: TestDatabase;
  let n = 0;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  const textEvent = (user: string, text: string, extra: Partial<InboundEvent> = {}): InboundEvent => ({
    channel: 'telegram',
    eventId: `ev-${++n}`,
    userId: `telegram:${user}`,
    chatId: `telegram:${user}`,
    kind: 'text',
    text,
    at: new Date().toISOString(),
    ...extra,
  });

  /** A turn's claim-and-read, committed; returns what it read. */
  const touch = (event: InboundEvent) =>
    poolOf(db.prisma).transaction(async (sql) => {
      const context = await claimTurn(sql, event.eventId, event, event.userId, 'vi');
      expect(context).not.toBe('duplicate');
      return context as TurnContext;
    });
  const stored = (user: string) => db.prisma.chatUser.findUniqueOrThrow({ where: { id: `telegram:${user}` } });

  it('a new user is answered in the language of the message, else the platform hint', async () => {
    expect((await touch(textEvent('l1', 'Hello, when is the next festival?', { languageCode: 'vi' }))).user.identity.locale).toBe('en');
    expect((await touch(textEvent('l2', '2', { languageCode: 'en-GB' }))).user.identity.locale).toBe('en');
    expect((await touch(textEvent('l3', '2'))).user.identity.locale).toBe('vi');
    expect(await stored('l2')).toMatchObject({ locale: 'en', localeChosen: false, lastInboundAt: expect.any(Date) });
  });

  it('a known user keeps their language on one unmarked word, switches on a sentence, and an explicit choice wins', async () => {
    await touch(textEvent('k1', 'xin chào, cho hỏi lịch ngày hội'));
    expect((await touch(textEvent('k1', 'ok', { languageCode: 'en' }))).user.identity.locale).toBe('vi');
    expect((await touch(textEvent('k1', 'when is the contest please'))).user.identity.locale).toBe('en');
    await db.prisma.chatUser.update({ where: { id: 'telegram:k1' }, data: { locale: 'vi', localeChosen: true } });
    expect((await touch(textEvent('k1', 'when is the contest please'))).user.identity.locale).toBe('vi');
    expect(await stored('k1')).toMatchObject({ locale: 'vi', localeChosen: true });
  });

  it('yields the whole row the cadre stores ask for, so they need no read of their own', async () => {
    await touch(textEvent('c1', 'chào'));
    await db.prisma.chatUser.update({ where: { id: 'telegram:c1' }, data: { role: 'cadre', unitId: 'hn-p-cuanam', displayName: 'Chị Hoa' } });
    const context = await touch(textEvent('c1', 'chào lại'));
    expect(context.user.row).toEqual({ id: 'telegram:c1', channel: 'telegram', platformUserId: 'c1', role: 'cadre', unitId: 'hn-p-cuanam', cadreId: null, displayName: 'Chị Hoa' });
    expect(context.user.identity).toMatchObject({ userId: 'telegram:c1', role: 'cadre', unitId: 'hn-p-cuanam' });
  });

  it('a private message clears "unreachable"; a group message does not', async () => {
    await touch(textEvent('r1', 'chào'));
    await db.prisma.recipientStatus.create({ data: { userId: 'telegram:r1', channel: 'telegram', reason: 'blocked', markedAt: new Date() } });
    await touch(textEvent('r1', 'chào cả nhóm', { chatId: 'telegram:-100', chatType: 'group' }));
    expect(await db.prisma.recipientStatus.count({ where: { userId: 'telegram:r1' } })).toBe(1);
    await touch(textEvent('r1', 'chào'));
    expect(await db.prisma.recipientStatus.count({ where: { userId: 'telegram:r1' } })).toBe(0);
  });

  it('a redelivered update is a duplicate: nothing written, no lock taken', async () => {
    const event = textEvent('d1', 'chào');
    await touch(event);
    const before = await stored('d1');
    const again = await poolOf(db.prisma).transaction(async (sql) => {
      const result = await claimTurn(sql, event.eventId, { ...event, text: 'hello there friend' }, event.userId, 'vi');
      const locks = await sql.rows<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()`);
      return { result, locks: locks[0]!.n };
    });
    expect(again).toEqual({ result: 'duplicate', locks: 0 });
    expect((await stored('d1')).updatedAt).toEqual(before.updatedAt);
  });

  it("while the user's previous turn holds the lock, the next one waits for it and reads what it committed", async () => {
    const user = 'telegram:w1';
    await touch(textEvent('w1', 'chào'));
    // The previous turn: holds the user's lock, saves the state, commits when told.
    const previous = new pg.Client({ connectionString: db.url });
    await previous.connect();
    try {
      await previous.query('BEGIN');
      await previous.query('SELECT pg_advisory_xact_lock(hashtext($1))', [user]);
      await previous.query(`INSERT INTO conversation_state (user_id, version, flow, step, data, updated_at) VALUES ($1, 1, 'register', 'title', '{}', now())`, [user]);
      const next = touch(textEvent('w1', 'Ngõ phố xanh'));
      // The next turn is waiting on the lock (not answered from what it read before it).
      await new Promise((resolve) => setTimeout(resolve, 300));
      let settled = false;
      void next.then(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(settled).toBe(false);
      await previous.query('COMMIT');
      const context = await next;
      expect(context.state).toMatchObject({ version: 1, flow: 'register', step: 'title' });
    } finally {
      await previous.end();
    }
  });

  it('a state saved by another turn after the read is refused at the save (the versioned write)', async () => {
    const user = 'telegram:v1';
    const first = await touch(textEvent('v1', 'chào'));
    await poolOf(db.prisma).transaction((sql) => saveConversationState(sql, user, first.state.version, { ...first.state, flow: 'a' }));
    await expect(poolOf(db.prisma).transaction((sql) => saveConversationState(sql, user, first.state.version, { ...first.state, flow: 'b' }))).rejects.toThrow(/changed under us/);
  });

  describe('replies written already taken', () => {
    const sent: Array<{ to: Recipient; message: OutboundMessage; firstAttempt?: boolean }> = [];
    const recorder: ChannelSender = {
      channel: 'telegram',
      async send(to, message, options) {
        sent.push({ to, message, firstAttempt: options.firstAttempt });
        return { platformMessageIds: [String(1000 + sent.length)] };
      },
    };
    const reply = (user: string, text: string, extra: Partial<OutboxRow['message']> = {}): OutboxRow => ({
      channel: 'telegram',
      userId: `telegram:${user}`,
      chatId: `telegram:${user}`,
      message: { text, ...extra },
      inReplyTo: null,
    });
    const turn = (event: InboundEvent, replies: OutboxRow[], takeReplies: boolean) =>
      poolOf(db.prisma).transaction(async (sql) => {
        const context = (await claimTurn(sql, event.eventId, event, event.userId, 'vi')) as TurnContext;
        const written = await writeTurnResult(sql, {
          jobId: event.eventId,
          conversation: event.userId,
          expectedVersion: context.state.version,
          next: { ...emptyConversationState(), flow: null },
          replies: replies.map((r) => ({ ...r, inReplyTo: event.eventId })),
          outboxFloor: context.outboxFloor,
          takeReplies,
        });
        return written;
      });

    it('are counted as taken once, mapped to their ids in order, and sent without a take of their own', async () => {
      const buttons = [{ label: 'Lịch ngày hội', value: 'menu:events' }];
      const written = await turn(textEvent('t1', 'chào'), [reply('t1', 'Câu một'), reply('t1', 'Câu hai', { buttons })], true);
      expect(written.outboundIds).toHaveLength(2);
      const [first, second] = written.outboundIds as [bigint, bigint];
      expect(written.taken.get(first)).toMatchObject({ text: 'Câu một', attempts: 1, buttons: null });
      expect(written.taken.get(second)).toMatchObject({ text: 'Câu hai', attempts: 1, buttons });
      const rows = await db.prisma.outboundMessage.findMany({ where: { userId: 'telegram:t1' }, orderBy: { id: 'asc' } });
      expect(rows.map((r) => [r.text, r.attempts, r.status])).toEqual([
        ['Câu một', 1, 'pending'],
        ['Câu hai', 1, 'pending'],
      ]);

      const sendOutbound = createSendOutbound({ prisma: db.prisma, senders: createSenderRegistry([recorder]) });
      for (const id of written.outboundIds) expect(await sendOutbound(String(id), { taken: written.taken.get(id) })).toBe('sent');
      expect(sent.map((s) => [s.message.text, s.firstAttempt, s.message.buttons?.length ?? 0])).toEqual([
        ['Câu một', true, 0],
        ['Câu hai', true, 1],
      ]);
      // A take would have counted a second attempt.
      const after = await db.prisma.outboundMessage.findMany({ where: { userId: 'telegram:t1' }, orderBy: { id: 'asc' } });
      expect(after.map((r) => [r.attempts, r.status, r.platformMessageIds])).toEqual([
        [1, 'sent', ['1001']],
        [1, 'sent', ['1002']],
      ]);
    });

    it('without a sender of its own the turn leaves them untaken, for the send queue', async () => {
      const written = await turn(textEvent('t2', 'chào'), [reply('t2', 'Một câu')], false);
      expect(written.taken.size).toBe(0);
      expect(await db.prisma.outboundMessage.findFirstOrThrow({ where: { userId: 'telegram:t2' } })).toMatchObject({ attempts: 0, status: 'pending' });
    });
  });
});
