import type { InboundEvent } from '../../bot/core/inbound-event.js';
import type { ConversationEngine } from '../../bot/conversation/conversation-engine.js';
import type { Db, PrismaClient } from '../../runtime/database.js';
import type { BotServices } from '../../bot/services.js';
import type { Logger } from '../../runtime/logger.js';
import { touchChatUser } from './chat-user.store.js';
import { writeOutboxRow } from '../outbound/outbox.js';
import { recordReachability } from './reachability.js';
import { loadConversationState, saveConversationState } from './conversation-state.store.js';
import { conversationKey, privateTurnEvent } from './conversation-key.js';

export interface InboundProcessorDeps {
  prisma: PrismaClient;
  bot: ConversationEngine;
  logger: Logger;
  defaultLocale: 'vi' | 'en';
  /** Builds the features' services on the turn's transaction. */
  createServices: (db: Db) => BotServices;
}

export type InboundOutcome =
  | { status: 'processed'; outboundIds: bigint[] }
  | { status: 'duplicate'; outboundIds: bigint[] };

/**
 * Runs one turn exactly once. In one transaction: claim the event id (a redelivered
 * update finds it taken), lock the user (two messages of one user are answered in
 * turn, never interleaved on the same draft), run the bot, save the versioned
 * conversation state and write the replies to the outbox. A crash anywhere rolls
 * all of it back and the queue retries the job.
 */
export function createInboundProcessor(deps: InboundProcessorDeps) {
  return async function processInbound(jobId: string, event: InboundEvent): Promise<InboundOutcome> {
    return deps.prisma.$transaction(
      async (tx) => {
        const claimed = await tx.$executeRaw`
          INSERT INTO inbound_event (id, channel, user_id, kind, payload, received_at)
          VALUES (${jobId}, ${event.channel}, ${event.userId}, ${event.kind}, ${JSON.stringify(event)}::jsonb, now())
          ON CONFLICT (id) DO NOTHING`;
        if (claimed === 0) {
          // Already handled: hand back its pending replies so the caller can (re)queue them.
          const pending = await tx.outboundMessage.findMany({
            where: { inReplyTo: jobId, status: 'pending' },
            select: { id: true },
          });
          return { status: 'duplicate' as const, outboundIds: pending.map((row) => row.id) };
        }
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${event.userId}))`;
        // Everything this turn adds to the outbox gets an id above this one (ids come
        // from a sequence), which keeps the look-up below on the primary-key index.
        const floorRows = await tx.$queryRaw<Array<{ floor: bigint }>>`SELECT coalesce(max(id), 0)::bigint AS floor FROM outbound_message`;
        const floor = floorRows[0]?.floor ?? 0n;
        const user = await touchChatUser(tx, event, deps.defaultLocale);
        await recordReachability(tx, event);
        const conversation = conversationKey(event);
        const state = await loadConversationState(tx, conversation);
        const services = deps.createServices(tx);
        const outcome = await deps.bot.handle({ event, user, state, services });
        await saveConversationState(tx, conversation, state.version, outcome.state);
        for (const reply of outcome.replies) {
          await writeOutboxRow(tx, { channel: event.channel, userId: event.userId, chatId: event.chatId, message: reply, inReplyTo: jobId });
        }
        if (outcome.handOff === 'private') {
          // A personal request made in a group, answered in the user's private chat: the
          // same message as a turn of that conversation (same lock, same transaction).
          const privately = privateTurnEvent(event);
          const privateKey = conversationKey(privately);
          const privateState = await loadConversationState(tx, privateKey);
          const answer = await deps.bot.handle({ event: privately, user, state: privateState, services });
          await saveConversationState(tx, privateKey, privateState.version, answer.state);
          for (const reply of answer.replies) {
            await writeOutboxRow(tx, { channel: event.channel, userId: event.userId, chatId: privately.chatId, message: reply, inReplyTo: jobId });
          }
        }
        // Every outbox row this transaction wrote — the replies and any notification
        // a feature sent to someone else (a reviewer's decision to the cadre) — is
        // queued as soon as the turn commits, not left for the relay.
        const written = await tx.$queryRaw<Array<{ id: bigint }>>`
          SELECT id FROM outbound_message WHERE id > ${floor} AND xmin = pg_current_xact_id()::xid ORDER BY id`;
        const outboundIds = written.map((row) => row.id);
        await tx.inboundEventLog.update({ where: { id: jobId }, data: { processedAt: new Date() } });
        return { status: 'processed' as const, outboundIds };
      },
      { timeout: 20_000, maxWait: 10_000 },
    );
  };
}
