/** Scoring helpers for `npm run eval:nlu`: intent precision/recall/accuracy and slot accuracy. */
import { INTENT_LABELS, type IntentLabel } from '../labels.js';
import type { LabelledMessage } from '../data-files.js';
import type { Nlu, NluSlots } from '../types.js';

export interface IntentReport {
  total: number;
  correct: number;
  perLabel: Map<IntentLabel, { tp: number; fp: number; fn: number }>;
  errors: Array<{ text: string; role: string; expected: IntentLabel; got: IntentLabel; confidence: number }>;
  /** expected → got → count, for the per-class confusion lines. */
  confusion: Map<IntentLabel, Map<IntentLabel, number>>;
  /** Two-act messages annotated with their tacked-on question, and how many came back with it as `secondary`. */
  secondary: { annotated: number; correct: number };
}

export function evaluateIntents(nlu: Nlu, set: readonly LabelledMessage[]): IntentReport {
  const perLabel = new Map(INTENT_LABELS.map((l) => [l, { tp: 0, fp: 0, fn: 0 }]));
  const errors: IntentReport['errors'] = [];
  const confusion = new Map<IntentLabel, Map<IntentLabel, number>>();
  const secondary = { annotated: 0, correct: 0 };
  let correct = 0;
  for (const m of set) {
    const r = nlu.understand(m.text, { role: m.role });
    if (m.secondary) {
      secondary.annotated++;
      if (r.secondary?.intent === m.secondary) secondary.correct++;
    }
    if (r.intent === m.intent) {
      correct++;
      perLabel.get(m.intent)!.tp++;
    } else {
      perLabel.get(m.intent)!.fn++;
      perLabel.get(r.intent)!.fp++;
      errors.push({ text: m.text, role: m.role, expected: m.intent, got: r.intent, confidence: r.confidence });
      const row = confusion.get(m.intent) ?? new Map<IntentLabel, number>();
      row.set(r.intent, (row.get(r.intent) ?? 0) + 1);
      confusion.set(m.intent, row);
    }
  }
  return { total: set.length, correct, perLabel, errors, confusion, secondary };
}

const pct = (n: number, d: number): string => (d === 0 ? '   -  ' : `${((n / d) * 100).toFixed(1).padStart(5)}%`);

export function formatIntentReport(name: string, r: IntentReport, showErrors: boolean): string {
  const lines = [`[${name}] intent accuracy: ${pct(r.correct, r.total).trim()} (${r.correct}/${r.total})`];
  lines.push(`  ${'label'.padEnd(24)} precision  recall   n   confused with (expected → got)`);
  for (const [label, c] of r.perLabel) {
    const confused = [...(r.confusion.get(label) ?? [])]
      .sort((a, b) => b[1] - a[1])
      .map(([got, n]) => `${got}×${n}`)
      .join(', ');
    lines.push(`  ${label.padEnd(24)} ${pct(c.tp, c.tp + c.fp)}   ${pct(c.tp, c.tp + c.fn)}  ${String(c.tp + c.fn).padStart(3)}   ${confused}`);
  }
  if (r.secondary.annotated > 0) {
    lines.push(`  secondary intent of two-act messages: ${r.secondary.correct}/${r.secondary.annotated}`);
  }
  if (showErrors) {
    for (const e of r.errors) lines.push(`  ✗ [${e.role}] ${e.text}  →  ${e.got} (${e.confidence}) expected ${e.expected}`);
  }
  return lines.join('\n');
}

export interface SlotReport {
  messages: number;
  expected: number;
  correct: number;
  spurious: number;
  accuracy: number;
}

/** Every annotated slot value must come out exactly; extra slots are counted separately as spurious. */
export function evaluateSlots(nlu: Nlu, set: readonly LabelledMessage[], showErrors = false): SlotReport {
  let messages = 0;
  let expected = 0;
  let correct = 0;
  let spurious = 0;
  for (const m of set) {
    if (!m.slots) continue;
    messages++;
    const got = nlu.understand(m.text, { role: m.role }).slots as Record<string, unknown>;
    const want = m.slots as Record<string, unknown>;
    for (const key of Object.keys(want)) {
      expected++;
      if (JSON.stringify(got[key]) === JSON.stringify(want[key])) correct++;
      else if (showErrors) console.log(`  slot ✗ ${m.text}: ${key} = ${JSON.stringify(got[key])}, expected ${JSON.stringify(want[key])}`);
    }
    for (const key of Object.keys(got)) if (!(key in want)) spurious++;
  }
  return { messages, expected, correct, spurious, accuracy: expected === 0 ? 0 : correct / expected };
}

export type { NluSlots };
