import type { Feature } from '../conversation/turn.js';
import type { Translator } from '../i18n/translator.js';
import { createReplyKit } from '../conversation/reply-kit.js';
import { FLOWS_TAKING_FILES } from './attachments/attachment-flows.js';

/**
 * Voice notes, stickers and bare photos or files are common from older users: ask politely for text and
 * keep whatever flow they are in exactly as it was. Unfollow events get no reply.
 */
export function createUnsupportedInputFeature(deps: { translator: Translator }): Feature {
  return {
    name: 'unsupported-input',
    handle(turn) {
      const kind = turn.event.kind;
      if (kind === 'unfollow') return { replies: [] };
      // A photo or file is the step's answer in flows that take files (registration…).
      const file = kind === 'image' || kind === 'document';
      if (file && turn.state.flow !== null && FLOWS_TAKING_FILES.has(turn.state.flow)) return null;
      if (kind === 'sticker' || kind === 'voice' || file || kind === 'unsupported') {
        const kit = createReplyKit(deps.translator, turn.user.locale);
        // Keep the previous options on offer: the next "2" still means what it meant.
        return { replies: [kit.message('unsupported-input', undefined, turn.state.lastButtons ?? undefined)] };
      }
      return null;
    },
  };
}
