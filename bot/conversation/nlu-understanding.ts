import type { Nlu } from '../nlu/index.js';
import { toNluRole } from '../nlu/index.js';
import type { Understand } from './understanding.js';

/**
 * Adapts bot/nlu to the conversation core's `Understand`: the chat role becomes the
 * NLU's reading role (staff roles read like staff), slots pass through as plain data.
 */
export function createNluUnderstanding(nlu: Nlu): Understand {
  return (text, user) => {
    const result = nlu.understand(text, { role: toNluRole(user.role) });
    return {
      intent: result.intent,
      confidence: result.confidence,
      alternatives: result.alternatives.map((a) => ({ intent: a.intent, confidence: a.confidence })),
      ...(result.secondary ? { secondary: { ...result.secondary } } : {}),
      slots: { ...result.slots },
    };
  };
}
