import type { OutboundButton } from '../core/outbound-message.js';
import { foldText } from '../core/fold.js';

/** Folded number words after "cái thứ" / "số" ("thứ nhất" and "một" are both 1; "tư" and "bốn" both 4). */
const NUMBER_WORDS = new Map([
  ['nhat', 1], ['mot', 1], ['hai', 2], ['ba', 3], ['bon', 4], ['tu', 4], ['nam', 5], ['sau', 6], ['bay', 7], ['tam', 8], ['chin', 9], ['muoi', 10],
]);

/**
 * Zalo Bot has no buttons, and people on every channel type "2" or the option's
 * words instead of tapping. This maps such a reply back to the option offered in
 * the previous message. Returns the chosen button, or null if the text is not a
 * choice (then it is understood as free text).
 */
export function matchOptionReply(text: string, offered: readonly OutboundButton[] | null): OutboundButton | null {
  if (!offered || offered.length === 0) return null;
  // NFKC first: Vietnamese IMEs in full-width mode send "２" for "2".
  const folded = foldText(text.normalize('NFKC')).replace(/[.!?)\]]+$/, '').trim();
  // "2", "2.", "so 2", "chon 2", "[2]", "cái thứ 2", "cái thứ hai", "option 2"
  const numbered = /^(?:so |chon |muc |cai |cai thu |thu |lua chon |phuong an |option |number |no )?(\d{1,2})$/.exec(folded);
  const worded = /^(?:so |chon |cai |cai thu |thu |lua chon |phuong an )(nhat|mot|hai|ba|bon|tu|nam|sau|bay|tam|chin|muoi)$/.exec(folded);
  if (numbered || worded) {
    const index = (numbered ? Number(numbered[1]) : NUMBER_WORDS.get(worded![1]!)!) - 1;
    return offered[index] ?? null;
  }
  if (folded.length < 2) return null;
  const exact = offered.find((button) => foldText(button.label) === folded);
  if (exact) return exact;
  // A reply that is a distinctive prefix of exactly one label ("ca hai" for "Cả hai").
  const prefixed = offered.filter((button) => foldText(button.label).startsWith(folded));
  return prefixed.length === 1 && folded.length >= 3 ? prefixed[0]! : null;
}
