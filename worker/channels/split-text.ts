/**
 * Splits a message into parts no longer than `limit` UTF-16 code units (Telegram
 * counts in UTF-16; for Zalo's 2000 it is at least as strict as counting code
 * points). Cuts prefer, in order: a blank line, a line break, a sentence end, a
 * space; a hard cut is the last resort and never splits a surrogate pair.
 * Whitespace at the cut is dropped; the pieces are in order and none is empty.
 */
export function splitText(text: string, limit: number): string[] {
  if (!Number.isInteger(limit) || limit < 2) {
    throw new RangeError(`splitText: limit must be an integer ≥ 2, got ${limit}; pass the platform's message limit.`);
  }
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const cut = findCut(rest, limit);
    const head = rest.slice(0, cut).trimEnd();
    if (head.length > 0) parts.push(head);
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) parts.push(rest);
  return parts;
}

/** Index to cut at: the text before it fits in `limit`. */
function findCut(text: string, limit: number): number {
  const window = text.slice(0, limit + 1);
  // Do not accept a boundary in the first fifth: tiny leading parts read badly.
  const floor = Math.floor(limit / 5);
  const boundaries: RegExp[] = [/\n\s*\n/g, /\n/g, /[.!?…。](?=\s)/g, /[;:,](?=\s)/g, /\s/g];
  for (const pattern of boundaries) {
    let best = -1;
    for (const match of window.matchAll(pattern)) {
      // End of the matched separator (keep the sentence mark with its sentence).
      const end = match.index + (pattern.source.startsWith('[') ? match[0].length : 0);
      if (end <= limit && end > floor) best = end;
    }
    if (best > 0) return best;
  }
  // No boundary: hard cut, stepping back off a high surrogate.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}
