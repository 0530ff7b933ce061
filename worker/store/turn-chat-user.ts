import type { ChatUserRow } from '../inbound/chat-user.store.js';

/**
 * The chat-user row as the turn's context statement left it (worker/inbound/turn-context.store.ts).
 * Stores ask "is this account bound to a cadre?" on every text turn; this answers it
 * without a query. A store that writes the row within the turn calls `forget()`, and
 * the next question goes to the table again.
 */
export class TurnChatUser {
  #row: ChatUserRow | null;

  constructor(row: ChatUserRow) {
    this.#row = row;
  }

  /** The row, when it is this user's and nothing in the turn has written it since. */
  get(userId: string): ChatUserRow | undefined {
    return this.#row?.id === userId ? this.#row : undefined;
  }

  forget(): void {
    this.#row = null;
  }
}
