import type { Turn } from '../../conversation/turn.js';
import { CADRE_FLOWS } from '../cadre/cadre-flow-state.js';
import { parseBotCommand, WARD_PAYLOAD_PREFIX } from './bot-command.js';

/**
 * `t.me/<bot>?start=<invite code>` arrives as `/start <code>`: the same as typing
 * the code when the link flow asks for it, so the turn is handed to that flow's
 * "code" step (bot/features/cadre/link-account.flow.ts) with the code as the text.
 * In a group an invite code is personal: left to the group-privacy feature.
 */
export function rewriteInviteDeepLink(turn: Turn): Turn {
  if (turn.event.kind !== 'text' || turn.event.chatType === 'group') return turn;
  const command = parseBotCommand(turn.text);
  if (command?.name !== 'start' || command.args === '' || command.args.startsWith(WARD_PAYLOAD_PREFIX)) return turn;
  return {
    ...turn,
    text: command.args,
    event: { ...turn.event, text: command.args },
    state: { ...turn.state, flow: CADRE_FLOWS.link, step: 'code', data: { pendingIntent: null, slots: {} } },
  };
}
