import type { Nlu } from '../nlu/index.js';
import { toNluRole } from '../nlu/index.js';
import type { Understand } from './understanding.js';

/** The product's language layer: bot/nlu, read with the sender's role (residents, cadres and staff read "đăng ký" differently). */
export function createNluUnderstanding(nlu: Nlu): Understand {
  return (text, user) => {
    const result = nlu.understand(text, { role: toNluRole(user.role) });
    return {
      intent: result.intent,
      confidence: result.confidence,
      alternatives: result.alternatives,
      slots: result.slots as Record<string, unknown>,
    };
  };
}
