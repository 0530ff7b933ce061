import type { Feature } from '../conversation/turn.js';
import type { Translator } from '../i18n/translator.js';
import { createReplyKit } from '../conversation/reply-kit.js';

/**
 * Voice notes and stickers are common from older users: ask politely for text and
 * keep whatever flow they are in exactly as it was. Unfollow events get no reply.
 */
export function createUnsupportedInputFeature(deps: { translator: Translator }): Feature {
  return {
    name: 'unsupported-input',
    handle(turn) {
      const kind = turn.event.kind;
      if (kind === 'unfollow') return { replies: [] };
      if (kind === 'sticker' || kind === 'voice' || kind === 'image' || kind === 'unsupported') {
        const kit = createReplyKit(deps.translator, turn.user.locale);
        // Keep the previous options on offer: the next "2" still means what it meant.
        return { replies: [kit.message('unsupported-input', undefined, turn.state.lastButtons ?? undefined)] };
      }
      return null;
    },
  };
}
