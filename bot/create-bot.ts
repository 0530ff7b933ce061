import type { ConversationEngine } from './conversation/conversation-engine.js';
import { createConversationEngine } from './conversation/conversation-engine.js';
import type { FeatureDeps } from './features/feature-deps.js';
import { createGreetingFeature } from './features/greeting.feature.js';
import { createUnsupportedInputFeature } from './features/unsupported-input.feature.js';
import { createFallbackFeature } from './features/fallback.feature.js';
import { createCadreFeatures } from './features/cadre/index.js';
import { createResidentFeatures, createUnsubscribeFeature } from './features/residents/index.js';
import { createClarifyFeature } from './features/clarify.feature.js';
import { createStaffReportsFeature } from './features/staff/staff-reports.feature.js';
import { createTurnUnderstanding } from './conversation/turn-understanding.js';

/** Below this NLU confidence the bot asks which of its two best readings was meant. */
export const DEFAULT_CLARIFY_THRESHOLD = 0.55;

export interface BotDeps extends FeatureDeps {
  /** Default {@link DEFAULT_CLARIFY_THRESHOLD} (the NLU's CLARIFY_THRESHOLD). */
  clarifyThreshold?: number;
}

/**
 * The channel-neutral bot: the ordered list of features (one file per feature in
 * bot/features/). A feature returns null for turns that are not its own; the
 * catch-all stays last.
 */
export function createBot(botDeps: BotDeps): ConversationEngine {
  // Features share one understanding per turn (and honour a clarified reading).
  const turnUnderstanding = createTurnUnderstanding(botDeps.understand);
  const deps: FeatureDeps = { ...botDeps, understand: turnUnderstanding.understand };
  return createConversationEngine({
    clock: deps.clock,
    turnUnderstanding,
    features: [
      createUnsupportedInputFeature(deps),
      // "hủy nhận tin" / "stop" is honoured at once, whatever flow the user is in.
      createUnsubscribeFeature(deps),
      // "xuất … ra excel" / "thống kê …" (staff): a pattern, not an NLU label, so before the NLU-driven features.
      createStaffReportsFeature(deps),
      createClarifyFeature({ ...deps, threshold: botDeps.clarifyThreshold ?? DEFAULT_CLARIFY_THRESHOLD }),
      ...createCadreFeatures(deps),
      ...createResidentFeatures(deps),
      createGreetingFeature(deps),
      createFallbackFeature(deps),
    ],
  });
}
