import type { Feature, Turn } from '../../conversation/turn.js';
import { createReplyKit } from '../../conversation/reply-kit.js';
import { isGroupChat } from '../../core/inbound-event.js';
import type { FeatureDeps } from '../feature-deps.js';
import { parseBotCommand, WARD_PAYLOAD_PREFIX } from './bot-command.js';

/** Intents whose answer names a person, a registration or an invite code. */
const PERSONAL_INTENTS = new Set(['model.register', 'model.status', 'model.edit', 'model.withdraw', 'report.submit', 'account.link_help', 'deadline.query']);
const PERSONAL_MENU = new Set(['menu:register', 'menu:status', 'menu:report', 'menu:review', 'menu:broadcast', 'menu:reminder']);

/**
 * In a group, anything personal (invite codes, registrations, reviews, staff work) is
 * not answered in front of everyone. Where the bot may write to the user in private
 * (they started it there and no private flow waits for an answer) the request is
 * answered there — the worker runs it again as a private turn — and the group gets a
 * short "answered you in private"; otherwise a pointer asks them to write in private,
 * with the link that opens the bot where the platform has one. Public questions
 * (events, notices, recognised models) are answered in the group as usual.
 */
export function createGroupPrivacyFeature(deps: FeatureDeps): Feature {
  function isPersonal(turn: Turn): boolean {
    if (turn.choice !== null) return PERSONAL_MENU.has(turn.choice) || turn.user.role !== 'resident';
    if (turn.event.kind !== 'text') return false;
    const command = parseBotCommand(turn.text);
    if (command) return command.name === 'start' && command.args !== '' && !command.args.startsWith(WARD_PAYLOAD_PREFIX);
    const { intent } = deps.understand(turn.text, turn.user);
    return PERSONAL_INTENTS.has(intent) || intent.startsWith('staff.');
  }

  return {
    name: 'first-contact-group-privacy',
    async handle(turn) {
      if (!isGroupChat(turn.event) || !isPersonal(turn)) return null;
      const kit = createReplyKit(deps.translator, turn.user.locale);
      const chat = turn.services.privateChat;
      const status = chat ? await chat.status(turn.user.userId) : 'not-started';
      // A tap on a group message's button has no text to replay in private.
      if (status === 'idle' && turn.event.kind === 'text') return { replies: [kit.message('fc-group-answered-private')], handOff: 'private' };
      const link = status === 'not-started' ? chat?.openLink(turn.event.channel) : null;
      return { replies: [link ? kit.message('fc-group-open-private', { link }) : kit.message('fc-group-private')] };
    },
  };
}
