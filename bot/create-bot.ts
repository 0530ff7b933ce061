import type { Clock } from './core/clock.js';
import type { Translator } from './i18n/translator.js';
import type { Understand } from './conversation/understanding.js';
import { createConversationEngine, type ConversationEngine } from './conversation/conversation-engine.js';
import { createGreetingFeature } from './features/greeting.feature.js';
import { createUnsupportedInputFeature } from './features/unsupported-input.feature.js';
import { createFallbackFeature } from './features/fallback.feature.js';

export interface BotDeps {
  clock: Clock;
  translator: Translator;
  understand: Understand;
}

/**
 * The channel-neutral bot: the ordered list of features. Add a feature here (one
 * file per feature in bot/features/); the catch-all stays last.
 */
export function createBot(deps: BotDeps): ConversationEngine {
  return createConversationEngine({
    clock: deps.clock,
    features: [
      createUnsupportedInputFeature(deps),
      createGreetingFeature(deps),
      createFallbackFeature(deps),
    ],
  });
}
