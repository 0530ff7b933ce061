import type { Clock } from '../core/clock.js';
import type { Translator } from '../i18n/translator.js';
import type { Understand } from '../conversation/understanding.js';

/** What every feature factory receives. Per-turn data access comes through `turn.services`. */
export interface FeatureDeps {
  clock: Clock;
  translator: Translator;
  understand: Understand;
}
