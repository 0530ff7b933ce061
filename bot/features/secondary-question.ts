import type { Turn } from '../conversation/turn.js';
import type { Understanding } from '../conversation/understanding.js';

/** Answers one kind of tacked-on question for the turn, or null when it has nothing to say. */
export type SecondaryAnswerer = (turn: Turn) => Promise<string | null>;

/** Below this the tacked-on reading is a guess: better not to answer a question the user did not ask. */
const MIN_SECONDARY_CONFIDENCE = 0.5;

/**
 * Issue 16, the primary-act rule for acts that start a flow: "đăng ký mô hình X, hạn chót khi nào?" starts the
 * registration AND answers the deadline question in the same turn. A flow passes the turn's understanding and the
 * answerers it knows; the answer becomes the lead line of the flow's first message, so the flow's question stays
 * last and what the user types next still belongs to the flow. (Residents' place questions append theirs after
 * the act instead: residents/secondary-answer.ts.)
 */
export async function answerSecondaryQuestion(
  turn: Turn,
  understanding: Understanding,
  answerers: Readonly<Partial<Record<string, SecondaryAnswerer>>>,
): Promise<string | undefined> {
  const secondary = understanding.secondary;
  if (!secondary || secondary.confidence < MIN_SECONDARY_CONFIDENCE) return undefined;
  const answer = answerers[secondary.intent];
  return (await answer?.(turn)) ?? undefined;
}
