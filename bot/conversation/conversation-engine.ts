import type { InboundEvent } from '../core/inbound-event.js';
import type { ChatIdentity } from '../core/identity.js';
import type { Clock } from '../core/clock.js';
import type { ConversationState } from './conversation-state.js';
import type { Feature, Turn, TurnOutcome } from './turn.js';
import { matchOptionReply } from './option-reply.js';
import type { BotServices } from '../services.js';

export interface ConversationEngineDeps {
  /** Tried in order; put the catch-all last. */
  features: Feature[];
  clock: Clock;
}

export interface ConversationEngine {
  /** Answers one inbound event. Pure apart from what the features' own deps do. */
  handle(input: { event: InboundEvent; user: ChatIdentity; state: ConversationState; services: BotServices }): Promise<Required<TurnOutcome>>;
}

export class NoFeatureAnsweredError extends Error {
  override readonly name = 'NoFeatureAnsweredError';
  constructor(eventId: string) {
    super(`No feature answered event ${eventId}. Register a catch-all feature (fallback.feature.ts) last in the list.`);
  }
}

export function createConversationEngine(deps: ConversationEngineDeps): ConversationEngine {
  return {
    async handle({ event, user, state, services }) {
      const typed = (event.text ?? '').normalize('NFC');
      let choice: string | null = null;
      let text = typed;
      if (event.kind === 'button' && event.payload !== undefined) {
        choice = event.payload;
        const pressed = state.lastButtons?.find((button) => button.value === event.payload);
        text = typed || pressed?.label || '';
      } else if (event.kind === 'text') {
        choice = matchOptionReply(typed, state.lastButtons)?.value ?? null;
      }
      const turn: Turn = { event, user, state, now: deps.clock.now(), text, choice, services };
      for (const feature of deps.features) {
        const outcome = await feature.handle(turn);
        if (!outcome) continue;
        const next = outcome.state ?? state;
        const last = outcome.replies.at(-1);
        // Remember what was offered last so "2" means the second option next turn.
        return {
          replies: outcome.replies,
          state: { ...next, lastButtons: last?.buttons && last.buttons.length > 0 ? last.buttons : null },
        };
      }
      throw new NoFeatureAnsweredError(event.eventId);
    },
  };
}
