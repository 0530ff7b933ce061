import { foldText } from '../../bot/core/fold.js';

/**
 * Zalo writes a mention into the text as "@<display name>" (no entity offsets, and
 * getMe has no display name), so the bot's name comes from ZALO_BOT_NAME. Removed
 * before understanding, like `@ourbot` on Telegram. Without a configured name only a
 * leading one-word "@mention" is removed.
 */
export function stripZaloBotMention(text: string, botName?: string | null): string {
  const name = botName?.trim();
  if (name) {
    const wanted = foldText(`@${name}`);
    // Compare folded (diacritics, case) but cut the original text at the same length.
    for (let start = text.indexOf('@'); start !== -1; start = text.indexOf('@', start + 1)) {
      for (let end = start + 2; end <= text.length; end += 1) {
        const folded = foldText(text.slice(start, end));
        if (folded === wanted && (end === text.length || !/[\p{L}\p{N}]/u.test(text[end]!))) {
          return tidy(`${text.slice(0, start)} ${text.slice(end).replace(/^[\s,:]+/u, '')}`);
        }
        if (!wanted.startsWith(folded)) break;
      }
    }
  }
  return tidy(text.replace(/^\s*@[^\s,:]+[\s,:]*/u, ''));
}

function tidy(text: string): string {
  return text.replace(/^[\s,:]+/u, '').replace(/\s{2,}/g, ' ').trim();
}
