/** Public surface of the NLU. Other modules import from here only. */
export { INTENT_LABELS, CLARIFY_THRESHOLD, toNluRole } from './labels.js';
export type { IntentLabel, NluRole } from './labels.js';
export type { Nlu, NluResult, NluSlots } from './types.js';
export { createNlu } from './create-nlu.js';
export { normalizeText } from './normalize.js';
export { suggestDiacritics } from './diacritics.js';
