import type { Understanding } from '../../conversation/understanding.js';
import type { PlaceAnswerer } from './place-flow.js';
import { PLACE_PURPOSES } from './place-purposes.js';
import type { PlacePurpose } from './resident-context.js';

/** Tacked-on questions a resident's act can answer in the same turn, for the same place. */
const FOLLOW_UPS: Partial<Record<PlacePurpose, Readonly<Record<string, PlacePurpose>>>> = {
  subscribe: { 'event.query': 'events', 'event.detail': 'events' },
};

/**
 * Issue 16: "báo tôi khi phường Hồng Hà có ngày hội, mà năm nay tổ chức hôm nào" subscribes (the act comes
 * first) and then answers the question with the events of the same ward, in the same turn. The act's state
 * is kept: what happens next belongs to the act.
 */
export function withSecondaryAnswer(answer: PlaceAnswerer, purpose: PlacePurpose, understanding: Understanding): PlaceAnswerer {
  const then = understanding.secondary ? FOLLOW_UPS[purpose]?.[understanding.secondary.intent] : undefined;
  if (!then) return answer;
  const follow = PLACE_PURPOSES[then];
  return async (args) => {
    const first = await answer(args);
    const second = await follow.answer(args);
    return { ...first, replies: [...first.replies, ...second.replies] };
  };
}
