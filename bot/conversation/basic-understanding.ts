import { foldVietnamese } from '../core/fold.js';
import type { Understand } from './understanding.js';

/**
 * A keyword reader for greeting/help/thanks, used where the full NLU is not
 * wired (tests of the plumbing). The product uses bot/nlu.
 */
const PATTERNS: Array<[string, RegExp]> = [
  ['greeting', /^(xin )?chao\b|^hello\b|^hi\b|^alo\b/],
  ['help', /\b(tro giup|huong dan|help|menu)\b/],
  ['thanks', /\b(cam on|thank|thanks|tks)\b/],
];

export const basicUnderstanding: Understand = (text) => {
  const folded = foldVietnamese(text);
  for (const [intent, pattern] of PATTERNS) {
    if (pattern.test(folded)) return { intent, confidence: 0.9, slots: {} };
  }
  return { intent: 'out_of_scope', confidence: 0.1, slots: {} };
};
