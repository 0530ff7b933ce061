import type { InboundEvent } from '../../bot/core/inbound-event.js';
import type { ConversationEngine } from '../../bot/conversation/conversation-engine.js';
import { poolOf, type Db, type PrismaClient } from '../../runtime/database.js';
import { Prisma } from '../../prisma/generated/client.js';
import type { BotServices } from '../../bot/services.js';
import type { Logger } from '../../runtime/logger.js';
import { recordReachability } from './reachability.js';
import { loadConversationState, saveConversationState } from './conversation-state.store.js';
import { conversationKey, privateTurnEvent } from './conversation-key.js';
import { claimTurn } from './turn-claim.store.js';
import { writeTurnResult } from './turn-result.store.js';
import type { TurnServiceContext } from '../store/bot-services.js';
import type { TakenOutboxRow } from '../outbound/send-outbound.js';
import { TurnChatUser } from '../store/turn-chat-user.js';

export interface InboundProcessorDeps {
  prisma: PrismaClient;
  bot: ConversationEngine;
  logger: Logger;
  defaultLocale: 'vi' | 'en';
  /** Builds the features' services; their queries join the turn's transaction. */
  createServices: (db: Db, turn?: TurnServiceContext) => BotServices;
  /**
   * Write the replies already taken: the caller sends them itself right after commit
   * (worker/outbound/send-replies-now.ts). Default false: they wait for the send queue.
   */
  takeReplies?: boolean;
}

export type InboundOutcome =
  | { status: 'processed'; outboundIds: bigint[]; taken: Map<bigint, TakenOutboxRow> }
  | { status: 'duplicate'; outboundIds: bigint[] };

/**
 * Runs one turn exactly once. In one transaction: claim the event id (a redelivered
 * update finds it taken), lock the user (two messages of one user are answered in
 * turn, never interleaved on the same draft), run the bot, save the versioned
 * conversation state and write the replies to the outbox. A crash anywhere rolls
 * all of it back and the queue retries the job.
 */
export function createInboundProcessor(deps: InboundProcessorDeps) {
  const pool = poolOf(deps.prisma);
  return async function processInbound(jobId: string, event: InboundEvent): Promise<InboundOutcome> {
    // `sql` is the turn's own statements, straight on the driver; the features' services
    // use the ordinary Prisma client, whose queries join this transaction (scoped-pool.ts).
    return pool.transaction(
      async (sql) => {
        // Round trips: claim + lock + upsert + read in one (turn-claim.store.ts), the bot's own queries, one write.
        const conversation = conversationKey(event);
        const context = await claimTurn(sql, jobId, event, conversation, deps.defaultLocale);
        if (context === 'duplicate') {
          // Already handled: hand back its pending replies so the caller can (re)queue them.
          const pending = await sql.rows<{ id: bigint | string }>(Prisma.sql`
            SELECT id FROM outbound_message WHERE in_reply_to = ${jobId} AND status = 'pending' ORDER BY id`);
          return { status: 'duplicate' as const, outboundIds: pending.map((row) => BigInt(row.id)) };
        }
        const user = context.user.identity;
        // A private message's "reachable again" is part of the context statement.
        if (event.kind === 'unfollow') await recordReachability(deps.prisma, event);
        const state = context.state;
        const services = deps.createServices(deps.prisma, { catalogueVersions: context.catalogues, chatUser: new TurnChatUser(context.user.row) });
        const outcome = await deps.bot.handle({ event, user, state, services });
        const replies = outcome.replies.map((reply) => ({ channel: event.channel, userId: event.userId, chatId: event.chatId, message: reply, inReplyTo: jobId }));
        if (outcome.handOff === 'private') {
          // A personal request made in a group, answered in the user's private chat: the
          // same message as a turn of that conversation (same lock, same transaction).
          const privately = privateTurnEvent(event);
          const privateKey = conversationKey(privately);
          const privateState = await loadConversationState(sql, privateKey);
          const answer = await deps.bot.handle({ event: privately, user, state: privateState, services });
          await saveConversationState(sql, privateKey, privateState.version, answer.state);
          for (const reply of answer.replies) {
            replies.push({ channel: event.channel, userId: event.userId, chatId: privately.chatId, message: reply, inReplyTo: jobId });
          }
        }
        const written = await writeTurnResult(sql, {
          jobId,
          conversation,
          expectedVersion: state.version,
          next: outcome.state,
          replies,
          outboxFloor: context.outboxFloor,
          takeReplies: deps.takeReplies,
        });
        return { status: 'processed' as const, ...written };
      },
      { timeoutMs: 20_000, maxWaitMs: 10_000 },
    );
  };
}
