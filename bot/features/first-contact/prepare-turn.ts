import type { Turn } from '../../conversation/turn.js';
import { rewriteInviteDeepLink } from './invite-deep-link.js';

/**
 * Before any feature sees a turn: a photo or file with a caption is read as the
 * caption (the attachments stay on the event for the steps that take them), and an
 * invite deep link goes to the link flow's code step.
 */
export function prepareTurn(turn: Turn): Turn {
  const { kind, text } = turn.event;
  const captioned = (kind === 'image' || kind === 'document') && text !== undefined && text.trim() !== '';
  const asText = captioned ? { ...turn, event: { ...turn.event, kind: 'text' as const } } : turn;
  return rewriteInviteDeepLink(asText);
}
