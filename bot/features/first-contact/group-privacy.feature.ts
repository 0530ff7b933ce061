import type { Feature } from '../../conversation/turn.js';
import { createReplyKit } from '../../conversation/reply-kit.js';
import { isGroupChat } from '../../core/inbound-event.js';
import type { FeatureDeps } from '../feature-deps.js';
import { parseBotCommand, WARD_PAYLOAD_PREFIX } from './bot-command.js';

/** Intents whose answer names a person, a registration or an invite code. */
const PERSONAL_INTENTS = new Set(['model.register', 'model.status', 'model.edit', 'model.withdraw', 'report.submit', 'account.link_help', 'deadline.query']);
const PERSONAL_MENU = new Set(['menu:register', 'menu:status', 'menu:report', 'menu:review', 'menu:broadcast', 'menu:reminder']);

/**
 * In a group, anything personal (invite codes, registrations, reviews, staff work) is
 * not answered in front of everyone: a short pointer asks the user to write in
 * private, where their own conversation is. Public questions (events, notices,
 * recognised models) are answered in the group as usual.
 */
export function createGroupPrivacyFeature(deps: FeatureDeps): Feature {
  return {
    name: 'first-contact-group-privacy',
    handle(turn) {
      if (!isGroupChat(turn.event)) return null;
      const kit = createReplyKit(deps.translator, turn.user.locale);
      const pointer = { replies: [kit.message('fc-group-private')] };
      if (turn.choice !== null) return PERSONAL_MENU.has(turn.choice) || turn.user.role !== 'resident' ? pointer : null;
      if (turn.event.kind !== 'text') return null;
      const command = parseBotCommand(turn.text);
      if (command) return command.name === 'start' && command.args !== '' && !command.args.startsWith(WARD_PAYLOAD_PREFIX) ? pointer : null;
      const { intent } = deps.understand(turn.text, turn.user);
      return PERSONAL_INTENTS.has(intent) || intent.startsWith('staff.') ? pointer : null;
    },
  };
}
