import type { OutboundButton } from '../core/outbound-message.js';

/**
 * A user's place in a conversation, persisted after every turn (PostgreSQL,
 * `conversation_state`) so that a worker restart mid-flow loses nothing.
 * Bump {@link CONVERSATION_STATE_SCHEMA} when the shape of `data` changes
 * incompatibly, so stored drafts are migrated rather than misread.
 */
export const CONVERSATION_STATE_SCHEMA = 1;

export interface ConversationState {
  /** Optimistic-concurrency counter, incremented on every save. */
  version: number;
  /** The active flow (e.g. `register-model`), or null when idle. */
  flow: string | null;
  step: string | null;
  /** Flow data (slots collected so far, last event in view, …). */
  data: Record<string, unknown>;
  /** Options offered in the last reply: "2" or the option's words map back to them. */
  lastButtons: OutboundButton[] | null;
  /** When the active flow counts as idle (domain: 30 minutes). */
  expiresAt: Date | null;
}

export function emptyConversationState(): ConversationState {
  return { version: 0, flow: null, step: null, data: {}, lastButtons: null, expiresAt: null };
}
