import type { PlaceAnswerOptions } from './place-answer.js';
import type { PlaceAnswerer } from './place-flow.js';
import type { PendingPlace, PlacePurpose } from './resident-context.js';
import { answerEvents } from './events-answer.js';
import { answerSubscribe } from './subscribe-answer.js';
import { answerRecognitions } from './recognitions-answer.js';
import { answerUnit } from './unit-answer.js';
import { answerHandoff, answerOutOfScope } from './contact-answer.js';

const SUCCESSORS: PlaceAnswerOptions = { formerMeans: 'successors' };
const ITSELF: PlaceAnswerOptions = { formerMeans: 'itself' };

/** A question only about the past ("hội thi năm 2024 ở Tây Hồ") is about the old unit itself, not today's wards. */
function eventOptions(pending: PendingPlace, now: Date): PlaceAnswerOptions {
  const to = pending.query?.to;
  return to && Date.parse(to) <= now.getTime() ? ITSELF : SUCCESSORS;
}

export interface PlacePurposeSpec {
  answer: PlaceAnswerer;
  options: (pending: PendingPlace, now: Date) => PlaceAnswerOptions;
  askKey: string;
  /** Contact questions are about the user's own ward first. */
  preferOwnUnit?: boolean;
}

/** What each resident question does once its place is known, and how an old unit counts for it. */
export const PLACE_PURPOSES: Readonly<Record<PlacePurpose, PlacePurposeSpec>> = {
  events: { answer: answerEvents, options: eventOptions, askKey: 'res-ask-place-events' },
  subscribe: { answer: answerSubscribe, options: () => SUCCESSORS, askKey: 'res-ask-place-subscribe' },
  recognitions: { answer: answerRecognitions, options: () => ITSELF, askKey: 'res-ask-place-recognitions' },
  unit: { answer: answerUnit, options: () => ITSELF, askKey: 'res-ask-place-unit' },
  handoff: { answer: answerHandoff, options: () => SUCCESSORS, askKey: 'res-ask-place-contact', preferOwnUnit: true },
  out_of_scope: { answer: answerOutOfScope, options: () => SUCCESSORS, askKey: 'res-ask-place-out-of-scope', preferOwnUnit: true },
};
