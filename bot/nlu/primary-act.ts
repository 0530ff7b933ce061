/**
 * The primary-act rule (issue 16): people open with what they want done and tack a question on ("đăng ký mô hình
 * X cho chi hội, hạn nộp đến bao giờ ạ"). When one clause asks for an act and another asks a question, the act is
 * the intent and the question becomes `secondary`, so the flow can do the act and answer the question after it.
 */
import type { IntentLabel } from './labels.js';
import type { NormWord, Normalized } from './normalize.js';

/** Intents that make the bot do something on the user's behalf. */
export const ACT_INTENTS: ReadonlySet<IntentLabel> = new Set<IntentLabel>([
  'model.register', 'model.edit', 'model.withdraw', 'report.submit', 'subscribe', 'unsubscribe',
  'staff.broadcast_create', 'staff.reminder_create', 'staff.event_update',
]);

/** Intents that only ask for information. */
export const QUESTION_INTENTS: ReadonlySet<IntentLabel> = new Set<IntentLabel>([
  'event.query', 'event.detail', 'deadline.query', 'info.criteria', 'info.definition', 'info.award', 'info.calendar',
  'info.process', 'recognition.query', 'unit.lookup', 'contest.info', 'model.status',
]);

const BREAK = /[,;?!.]/;
/** Words that open a tacked-on question even without a comma ("… mà hạn nộp là bao giờ", "tiện hỏi …"). */
const OPENERS = new Set(['ma', 'tien', 'nhan', 'tien hoi']);

/**
 * The message's clauses as word lists: split at sentence punctuation and before "mà" / "tiện (hỏi)" / "nhân
 * tiện". At most a handful of clauses; a one-clause message returns itself.
 */
export function splitClauses(norm: Normalized): NormWord[][] {
  const clauses: NormWord[][] = [];
  let current: NormWord[] = [];
  norm.words.forEach((w, i) => {
    const prev = norm.words[i - 1];
    const gap = prev ? norm.raw.slice(prev.end, w.start) : '';
    const opens = OPENERS.has(w.w) && (w.w !== 'nhan' || norm.words[i + 1]?.w === 'tien');
    if (current.length > 0 && (BREAK.test(gap) || (opens && current.length >= 3))) {
      clauses.push(current);
      current = [];
    }
    current.push(w);
  });
  if (current.length > 0) clauses.push(current);
  return clauses;
}

export interface ClauseReading {
  intent: IntentLabel;
  confidence: number;
}

export interface PrimaryAct {
  intent: IntentLabel;
  confidence: number;
  secondary?: ClauseReading;
}

/** Clause readings below this are too weak to override the whole message's reading. */
const CLAUSE_MIN = 0.5;

/**
 * Decides the primary intent from the whole message's reading and each clause's. Without both an act clause and
 * a question clause, the whole message's reading stands.
 */
export function choosePrimaryAct(whole: ClauseReading, clauses: readonly ClauseReading[]): PrimaryAct {
  const act = clauses.find((c) => ACT_INTENTS.has(c.intent) && c.confidence >= CLAUSE_MIN);
  const question = clauses.find((c) => QUESTION_INTENTS.has(c.intent) && c.confidence >= CLAUSE_MIN && c !== act);
  if (!act || !question) return whole;
  const primary = ACT_INTENTS.has(whole.intent) ? whole : act;
  if (question.intent === primary.intent) return primary;
  return { intent: primary.intent, confidence: primary.confidence, secondary: question };
}
