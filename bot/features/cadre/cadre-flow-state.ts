import type { ConversationState } from '../../conversation/conversation-state.js';
import type { Turn } from '../../conversation/turn.js';
import type { ReplyKit } from '../../conversation/reply-kit.js';
import { createReplyKit } from '../../conversation/reply-kit.js';
import type { Translator } from '../../i18n/translator.js';
import type { CadreApi } from './cadre-services.js';

/** Domain §2.1 Conversation: a flow idle this long offers to resume instead of taking the next message as an answer. */
export const FLOW_IDLE_MS = 30 * 60 * 1000;

export const CADRE_FLOWS = {
  link: 'cadre.link',
  register: 'cadre.register',
  revise: 'cadre.revise',
  withdraw: 'cadre.withdraw',
  report: 'cadre.report',
  review: 'cadre.review',
} as const;

/** The state of a flow after this turn; all draft data goes into `data` so a restart loses nothing. */
export function inFlow(turn: Turn, flow: string, step: string, data: object): ConversationState {
  return {
    ...turn.state,
    flow,
    step,
    data: JSON.parse(JSON.stringify(data)) as Record<string, unknown>,
    expiresAt: new Date(turn.now.getTime() + FLOW_IDLE_MS),
  };
}

/** Back to no flow (the flow finished or was cancelled). */
export function idle(turn: Turn): ConversationState {
  return { ...turn.state, flow: null, step: null, data: {}, expiresAt: null };
}

export function isIdleExpired(turn: Turn): boolean {
  return turn.state.expiresAt !== null && turn.now.getTime() > new Date(turn.state.expiresAt).getTime();
}

export interface CadreTurnTools {
  kit: ReplyKit;
  api: CadreApi;
}

/** The reply kit in the user's language and the cadre services, or null where no store is wired. */
export function cadreTools(turn: Turn, translator: Translator): CadreTurnTools | null {
  const api = turn.services.cadre;
  if (!api) return null;
  return { kit: createReplyKit(translator, turn.user.locale), api };
}

/** Text of a message the user typed (not a tapped button). */
export function typedText(turn: Turn): string | null {
  return turn.event.kind === 'text' ? (turn.event.text ?? '').normalize('NFC').trim() : null;
}
