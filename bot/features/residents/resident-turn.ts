import type { Turn, TurnOutcome } from '../../conversation/turn.js';
import type { Understanding } from '../../conversation/understanding.js';
import { createReplyKit, type ReplyKit } from '../../conversation/reply-kit.js';
import type { OutboundMessage } from '../../core/outbound-message.js';
import { maskPhonesInText } from '../../core/mask-phone.js';
import { vietnamDateOf, type IsoDate } from '../../domain/iso-date.js';
import { foldText } from '../../core/fold.js';
import type { FeatureDeps } from '../feature-deps.js';
import type { ResidentStore } from './resident-services.js';
import { readResidentContext, writeResidentContext, type ResidentContext } from './resident-context.js';

/** Below this the reading is a guess; the fallback's "I did not understand" is more honest. */
export const MIN_CONFIDENCE = 0.5;

const understood = new WeakMap<Turn, Understanding>();

/** The NLU reads each message once per turn, however many resident features look at it. */
export function understandTurn(deps: FeatureDeps, turn: Turn): Understanding {
  let reading = understood.get(turn);
  if (!reading) {
    reading = turn.event.kind === 'text' && turn.text.trim() !== '' ? deps.understand(turn.text, turn.user) : { intent: 'none', confidence: 0, slots: {} };
    understood.set(turn, reading);
  }
  return reading;
}

export function residentStore(turn: Turn): ResidentStore | null {
  return turn.services.residents ?? null;
}

export function residentKit(deps: FeatureDeps, turn: Turn): ReplyKit {
  return createReplyKit(deps.translator, turn.user.locale);
}

export function todayOf(turn: Turn): IsoDate {
  return vietnamDateOf(turn.now);
}

export function folded(turn: Turn): string {
  return foldText(turn.text);
}

/** Phone numbers never leave in a reply, even if configuration ever held one. */
export function safe(message: OutboundMessage): OutboundMessage {
  return { ...message, text: maskPhonesInText(message.text).normalize('NFC') };
}

/** Replies plus the resident context to remember; every other part of the state is kept as it was. */
export function reply(turn: Turn, messages: OutboundMessage[], context?: ResidentContext | null): TurnOutcome {
  const replies = messages.map(safe);
  if (context === undefined) return { replies };
  return { replies, state: writeResidentContext(turn.state, context) };
}

export function contextOf(turn: Turn): ResidentContext | null {
  return readResidentContext(turn.state, turn.now);
}

/** The button value prefix of the resident features; values stay short for Telegram's 64 bytes. */
export const CHOICE = {
  pick: 'res:pick:',
  event: 'res:ev:',
  subscribe: 'res:sub:',
} as const;

export function choiceValue(turn: Turn, prefix: string): string | null {
  return turn.choice?.startsWith(prefix) ? turn.choice.slice(prefix.length) : null;
}

export function slotString(slots: Record<string, unknown>, key: string): string | undefined {
  const value = slots[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
