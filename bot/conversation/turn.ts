import type { InboundEvent } from '../core/inbound-event.js';
import type { ChatIdentity } from '../core/identity.js';
import type { OutboundMessage } from '../core/outbound-message.js';
import type { ConversationState } from './conversation-state.js';
import type { BotServices } from '../services.js';

/** One inbound message, with everything a feature needs to answer it. */
export interface Turn {
  event: InboundEvent;
  user: ChatIdentity;
  state: ConversationState;
  now: Date;
  /** What the user typed (NFC), or the label of the button they pressed. */
  text: string;
  /** The value of the option chosen — by tap, by number ("2") or by the option's words. */
  choice: string | null;
  /** Repositories and services bound to this turn's transaction. */
  services: BotServices;
}

export interface TurnOutcome {
  replies: OutboundMessage[];
  /** The state after this turn; omit to keep the current one. */
  state?: ConversationState;
  /**
   * `private`: a personal request made in a group — after the group's replies the
   * worker runs the same message again as a turn of the user's private chat, whose
   * replies go there (group-privacy.feature.ts).
   */
  handOff?: 'private';
}

/** What the engine hands the worker: the replies, the next state and any hand-off. */
export type TurnResult = Required<Pick<TurnOutcome, 'replies' | 'state'>> & Pick<TurnOutcome, 'handOff'>;

/**
 * One feature of the bot (greeting, register a model, events…). Features are tried
 * in order; the first that returns an outcome answers the turn, `null` means "not
 * mine". Like a grammY Composer per feature, but channel-neutral and pure.
 */
export interface Feature {
  readonly name: string;
  handle(turn: Turn): Promise<TurnOutcome | null> | TurnOutcome | null;
}
