import type { OutboundButton } from '../core/outbound-message.js';
import { foldText } from '../core/fold.js';

/**
 * Zalo Bot has no buttons, and people on every channel type "2" or the option's
 * words instead of tapping. This maps such a reply back to the option offered in
 * the previous message. Returns the chosen button, or null if the text is not a
 * choice (then it is understood as free text).
 */
export function matchOptionReply(text: string, offered: readonly OutboundButton[] | null): OutboundButton | null {
  if (!offered || offered.length === 0) return null;
  const folded = foldText(text).replace(/[.!?)\]]+$/, '').trim();
  // "2", "2.", "so 2", "chon 2", "[2]"
  const numbered = /^(?:so |chon |muc |\[)?(\d{1,2})$/.exec(folded);
  if (numbered) {
    const index = Number(numbered[1]) - 1;
    return offered[index] ?? null;
  }
  if (folded.length < 2) return null;
  const exact = offered.find((button) => foldText(button.label) === folded);
  if (exact) return exact;
  // A reply that is a distinctive prefix of exactly one label ("ca hai" for "Cả hai").
  const prefixed = offered.filter((button) => foldText(button.label).startsWith(folded));
  return prefixed.length === 1 && folded.length >= 3 ? prefixed[0]! : null;
}
