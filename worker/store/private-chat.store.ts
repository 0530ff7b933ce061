import type { PrivateChatService } from '../../bot/features/first-contact/first-contact-services.js';
import type { Db } from '../../runtime/database.js';
import { RESIDENT_FLOW } from '../../bot/features/residents/resident-context.js';

export interface PrivateChatOptions {
  /** TELEGRAM_BOT_USERNAME: makes the `https://t.me/<bot>` link; without it there is no link. */
  telegramUsername?: string | null;
}

/**
 * Whether the bot may write to a user in private. A private conversation row exists
 * only once the user wrote to the bot there (group turns are keyed `<user>@<group>`);
 * `recipient_status` marks one who blocked or unfollowed it since.
 */
export function createPrivateChatService(db: Db, options: PrivateChatOptions = {}): PrivateChatService {
  return {
    async status(userId) {
      const [conversation, unreachable] = await Promise.all([
        db.conversationState.findUnique({ where: { userId }, select: { flow: true, expiresAt: true } }),
        db.recipientStatus.findUnique({ where: { userId }, select: { userId: true } }),
      ]);
      if (!conversation || unreachable) return 'not-started';
      // The residents' "last answer in view" is context, not a question waiting for an answer.
      return conversation.flow === null || conversation.flow === RESIDENT_FLOW ? 'idle' : 'busy';
    },
    openLink(channel) {
      return channel === 'telegram' && options.telegramUsername ? `https://t.me/${options.telegramUsername}` : null;
    },
  };
}
