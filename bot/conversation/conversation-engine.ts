import type { InboundEvent } from '../core/inbound-event.js';
import type { ChatIdentity } from '../core/identity.js';
import type { Clock } from '../core/clock.js';
import type { ConversationState } from './conversation-state.js';
import type { Feature, Turn, TurnResult } from './turn.js';
import { matchOptionReply } from './option-reply.js';
import type { BotServices } from '../services.js';
import type { TurnUnderstanding } from './turn-understanding.js';
import type { Understanding } from './understanding.js';

/** Values of clarification buttons: `clarify:<intent label>` (see clarify.feature.ts). */
export const CLARIFY_PREFIX = 'clarify:';

export interface ConversationEngineDeps {
  /** Tried in order; put the catch-all last. */
  features: Feature[];
  clock: Clock;
  /** Per-turn memo/override of the language layer (optional in plumbing tests). */
  turnUnderstanding?: TurnUnderstanding;
  /** Reshapes a turn before the features see it (captions read as text, deep links). */
  prepare?: (turn: Turn) => Turn;
}

export interface ConversationEngine {
  /** Answers one inbound event. Pure apart from what the features' services do. */
  handle(input: { event: InboundEvent; user: ChatIdentity; state: ConversationState; services: BotServices }): Promise<TurnResult>;
}

export class NoFeatureAnsweredError extends Error {
  override readonly name = 'NoFeatureAnsweredError';
  constructor(eventId: string) {
    super(`No feature answered event ${eventId}. Register a catch-all feature (fallback.feature.ts) last in the list.`);
  }
}

interface PendingClarification {
  text: string;
  slots: Record<string, unknown>;
}

/**
 * A reply to "did you mean A or B?" replays the original message with the chosen
 * reading, so the feature that owns that reading answers it as if it had been clear.
 */
function resolveClarification(
  choice: string | null,
  state: ConversationState,
): { text: string; override: { text: string; understanding: Understanding }; state: ConversationState } | null {
  const pending = state.data.clarify as PendingClarification | undefined;
  if (!choice?.startsWith(CLARIFY_PREFIX) || !pending) return null;
  const { clarify: _done, ...rest } = state.data;
  return {
    text: pending.text,
    override: { text: pending.text, understanding: { intent: choice.slice(CLARIFY_PREFIX.length), confidence: 1, slots: pending.slots } },
    state: { ...state, data: rest },
  };
}

export function createConversationEngine(deps: ConversationEngineDeps): ConversationEngine {
  async function runFeatures(turn: Turn): Promise<TurnResult> {
    for (const feature of deps.features) {
      const outcome = await feature.handle(turn);
      if (!outcome) continue;
      const next = outcome.state ?? turn.state;
      const last = outcome.replies.at(-1);
      // Remember what was offered last so "2" means the second option next turn.
      return {
        replies: outcome.replies,
        state: { ...next, lastButtons: last?.buttons && last.buttons.length > 0 ? last.buttons : null },
        ...(outcome.handOff ? { handOff: outcome.handOff } : {}),
      };
    }
    throw new NoFeatureAnsweredError(turn.event.eventId);
  }

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
      const clarified = resolveClarification(choice, state);
      const built: Turn = clarified
        ? { event: { ...event, kind: 'text', text: clarified.text }, user, state: clarified.state, now: deps.clock.now(), text: clarified.text, choice: null, services }
        : { event, user, state, now: deps.clock.now(), text, choice, services };
      const turn = deps.prepare ? deps.prepare(built) : built;
      if (!deps.turnUnderstanding) return runFeatures(turn);
      return deps.turnUnderstanding.runTurn(clarified?.override ?? null, () => runFeatures(turn));
    },
  };
}
