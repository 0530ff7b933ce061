import type { ConversationEngine } from './conversation/conversation-engine.js';
import { createConversationEngine } from './conversation/conversation-engine.js';
import type { FeatureDeps } from './features/feature-deps.js';
import { createGreetingFeature } from './features/greeting.feature.js';
import { createUnsupportedInputFeature } from './features/unsupported-input.feature.js';
import { createFallbackFeature } from './features/fallback.feature.js';
import { createCadreFeatures } from './features/cadre/index.js';
import { createResidentFeatures } from './features/residents/index.js';

export type BotDeps = FeatureDeps;

/**
 * The channel-neutral bot: the ordered list of features (one file per feature in
 * bot/features/). A feature returns null for turns that are not its own; the
 * catch-all stays last.
 */
export function createBot(deps: BotDeps): ConversationEngine {
  return createConversationEngine({
    clock: deps.clock,
    features: [
      createUnsupportedInputFeature(deps),
      ...createCadreFeatures(deps),
      ...createResidentFeatures(deps),
      createGreetingFeature(deps),
      createFallbackFeature(deps),
    ],
  });
}
