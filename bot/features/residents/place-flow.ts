import type { ReplyKit } from '../../conversation/reply-kit.js';
import type { Turn, TurnOutcome } from '../../conversation/turn.js';
import type { PlaceResolution } from '../../domain/place-resolver.js';
import type { FeatureDeps } from '../feature-deps.js';
import { decidePlace, type PlaceAnswerOptions, type PlaceTarget } from './place-answer.js';
import { newContext, type PendingPlace } from './resident-context.js';
import type { ResidentStore } from './resident-services.js';
import { contextOf, reply, todayOf } from './resident-turn.js';

/** Everything an answer for known units needs. */
export interface PlaceAnswerArgs {
  deps: FeatureDeps;
  turn: Turn;
  kit: ReplyKit;
  store: ResidentStore;
  target: PlaceTarget;
  pending: PendingPlace;
}

export type PlaceAnswerer = (args: PlaceAnswerArgs) => Promise<TurnOutcome>;

export interface PlaceFlowArgs extends Omit<PlaceAnswerArgs, 'target'> {
  resolution: PlaceResolution;
  answer: PlaceAnswerer;
  options: PlaceAnswerOptions;
}

/** Resolve → explain a merger / ask which / answer. A question keeps the purpose, so the pick (or a typed name) finishes it. */
export async function answerForResolution(args: PlaceFlowArgs): Promise<TurnOutcome> {
  const decision = decidePlace(args.kit, args.resolution, todayOf(args.turn), args.options);
  if (decision.kind === 'ask') {
    const previous = contextOf(args.turn);
    const context = newContext(args.turn.now, { ...previous, pending: { ...args.pending, awaitingPlace: true } });
    return reply(args.turn, [decision.message], context);
  }
  return args.answer({ ...args, target: decision.target });
}

/**
 * The unit a question without a place is about: the last answer's, else the user's own ward.
 * Contact questions prefer the user's own ward (their office, not the one they asked about).
 */
export function knownUnitIds(turn: Turn, preferOwn = false): string[] {
  if (preferOwn && turn.user.unitId) return [turn.user.unitId];
  const context = contextOf(turn);
  if (context && context.unitIds.length > 0) return context.unitIds;
  return turn.user.unitId ? [turn.user.unitId] : [];
}

/** Answer for the known units (an old unit goes through its successors), or ask where. */
export async function answerForKnownOrAsk(
  args: Omit<PlaceFlowArgs, 'resolution'> & { askKey: string; preferOwnUnit?: boolean; chosenLabelKey?: string },
): Promise<TurnOutcome> {
  const ids = knownUnitIds(args.turn, args.preferOwnUnit);
  const asOf = todayOf(args.turn);
  if (ids.length === 1) {
    const resolution = await args.store.places.resolveUnit(ids[0]!, asOf);
    if (resolution) return answerForResolution({ ...args, resolution });
  }
  if (ids.length > 1) {
    const units = (await Promise.all(ids.map((id) => args.store.places.unit(id)))).filter((u) => u !== undefined);
    if (units.length > 0) return args.answer({ ...args, target: { units, notes: [] } });
  }
  const previous = contextOf(args.turn);
  const context = newContext(args.turn.now, { ...previous, pending: { ...args.pending, awaitingPlace: true } });
  // A menu entry chosen by number on Zalo Bot is named back, so "2" is visibly understood.
  const ask = args.kit.t(args.askKey);
  const text = args.chosenLabelKey ? `${args.kit.t('menu-chosen', { label: args.kit.t(args.chosenLabelKey) })} ${ask}` : ask;
  return reply(args.turn, [{ text }], context);
}
