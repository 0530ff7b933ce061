import type { ConversationEngine } from './conversation/conversation-engine.js';
import { createConversationEngine } from './conversation/conversation-engine.js';
import type { FeatureDeps } from './features/feature-deps.js';
import { createGreetingFeature } from './features/greeting.feature.js';
import { createUnsupportedInputFeature } from './features/unsupported-input.feature.js';
import { createFallbackFeature } from './features/fallback.feature.js';
import { createCadreFeatures } from './features/cadre/index.js';
import { createStaffFeatures } from './features/staff/index.js';
import { createResidentFeatures, createUnsubscribeFeature } from './features/residents/index.js';
import { createClarifyFeature } from './features/clarify.feature.js';
import { createStaffReminderFeatures } from './features/staff/reminders/index.js';
import { createStaffEventFeatures } from './features/staff/events/index.js';
import { createReminderActionFeatures } from './features/reminders/index.js';
import { createStaffReportsFeature } from './features/staff/staff-reports.feature.js';
import { createTurnUnderstanding } from './conversation/turn-understanding.js';
import { createFirstContactFeatures, prepareTurn } from './features/first-contact/index.js';

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
    prepare: prepareTurn,
    features: [
      // Edits, groups, /start, /language, locations: before anything reads the text.
      ...createFirstContactFeatures(deps),
      createUnsupportedInputFeature(deps),
      // "hủy nhận tin" / "stop" is honoured at once, whatever flow the user is in.
      createUnsubscribeFeature(deps),
      // Staff commands ("duyệt", "lịch gửi tuần này", approve/stop buttons) are exact; they go before clarification.
      ...createStaffFeatures(deps),
      // "xuất … ra excel" / "thống kê …" (staff): a pattern, not an NLU label, so before the NLU-driven features.
      createStaffReportsFeature(deps),
      createClarifyFeature({ ...deps, threshold: botDeps.clarifyThreshold ?? DEFAULT_CLARIFY_THRESHOLD }),
      // Staff flows before the cadre ones: a reminder rule's "15/6" or "1" is an answer to it.
      ...createStaffReminderFeatures(deps),
      ...createStaffEventFeatures(deps),
      ...createReminderActionFeatures(deps),
      ...createCadreFeatures(deps),
      ...createResidentFeatures(deps),
      createGreetingFeature(deps),
      createFallbackFeature(deps),
    ],
  });
}
