/**
 * Builds the NLU: trains the intent model from the labelled data and loads the place names once, then
 * classifies with no I/O. `understand` is pure given the clock.
 */
import { readFileSync } from 'node:fs';
import type { Clock } from '../core/clock.js';
import { createPlaceResolver, type PlaceResolver } from '../domain/place-resolver.js';
import type { UnitTree } from '../domain/unit-tree.js';
import { dataPath, readLabelled, type LabelledMessage } from './data-files.js';
import { labelIndex, softmaxInPlace, trainIntentModel } from './intent-classifier.js';
import { ruleScores } from './intent-rules.js';
import { INTENT_LABELS, type IntentLabel, type NluRole } from './labels.js';
import { normalizeDetailed, type Normalized } from './normalize.js';
import { choosePrimaryAct, splitClauses, type ClauseReading } from './primary-act.js';
import { buildGazetteer } from './slots/place.slot.js';
import { extractSlots } from './slots/extract-slots.js';
import { resolvePlaceUnit } from './slots/place-unit.js';
import type { Nlu, NluResult } from './types.js';

export interface CreateNluDeps {
  clock: Clock;
  /**
   * Which labelled messages to learn from. The product learns from all of them; the evaluation passes only the
   * training part so the held-out score stays honest.
   */
  training?: readonly LabelledMessage[];
  /**
   * The unit tree the place slot is resolved against (`slots.placeUnit`): a tree, or a function giving the current
   * one (the running product passes its cached catalogue, runtime/unit-catalogue.ts, so units added later are
   * seen). Without it only the place span is returned; the flows resolve it through their own services.
   */
  units?: UnitTree | (() => UnitTree | undefined);
}

const ALTERNATIVES = 3;

export function createNlu(deps: CreateNluDeps): Nlu {
  const examples = deps.training ?? [
    ...readLabelled('labelled.train.jsonl'),
    ...readLabelled('labelled.heldout.jsonl'),
    ...readLabelled('labelled.heldout2.jsonl'),
  ];
  const model = trainIntentModel(
    examples.map((e) => ({ normalized: normalizeDetailed(e.text).text, role: e.role, intent: e.intent })),
  );
  const places = (JSON.parse(readFileSync(dataPath('places.json'), 'utf8')) as { names: string[] }).names;
  const gazetteer = buildGazetteer(places, (s) => normalizeDetailed(s).text);
  const index = labelIndex();
  const currentUnits = typeof deps.units === 'function' ? deps.units : () => deps.units as UnitTree | undefined;
  // One resolver per tree: rebuilt only when the catalogue hands over a new tree.
  let resolverFor: { tree: UnitTree; resolver: PlaceResolver } | undefined;
  const placeResolver = (): PlaceResolver | undefined => {
    const tree = currentUnits();
    if (!tree) return undefined;
    if (resolverFor?.tree !== tree) resolverFor = { tree, resolver: createPlaceResolver({ units: tree }) };
    return resolverFor.resolver;
  };

  function classify(text: string, role: NluRole): Float64Array {
    const scores = new Float64Array(INTENT_LABELS.length);
    model.addLogits(text, role, scores);
    ruleScores(text, role, scores, index);
    softmaxInPlace(scores);
    return scores;
  }

  /** Each clause read on its own; only messages with two or more clauses pay for this. */
  function clauseReadings(norm: Normalized, role: NluRole): ClauseReading[] {
    const clauses = splitClauses(norm);
    if (clauses.length < 2) return [];
    return clauses.map((words) => topK(classify(words.map((w) => w.w).join(' '), role), 1)[0]!);
  }

  return {
    understand(text: string, options: { role: NluRole }): NluResult {
      const norm = normalizeDetailed(text);
      if (norm.words.length === 0) {
        return { intent: 'out_of_scope', confidence: 0, alternatives: [], slots: {}, normalized: '' };
      }
      const scores = classify(norm.text, options.role);
      const ranked = topK(scores, 1 + ALTERNATIVES);
      const whole = ranked[0] ?? { intent: 'out_of_scope' as IntentLabel, confidence: 0 };
      const act = choosePrimaryAct(whole, clauseReadings(norm, options.role));
      const alternatives = ranked.filter((r) => r.intent !== act.intent).slice(0, ALTERNATIVES);
      const slots = extractSlots(norm, act.intent, deps.clock, gazetteer);
      const resolver = slots.place !== undefined ? placeResolver() : undefined;
      if (slots.place !== undefined && resolver) {
        const unit = resolvePlaceUnit(slots.place, resolver, deps.clock);
        if (unit) slots.placeUnit = unit;
      }
      return {
        intent: act.intent,
        confidence: act.confidence,
        alternatives,
        ...(act.secondary ? { secondary: act.secondary } : {}),
        slots,
        normalized: norm.text,
      };
    },
  };
}

/** The k best labels without sorting all 28 (this runs on every message). */
function topK(scores: Float64Array, k: number): Array<{ intent: IntentLabel; confidence: number }> {
  const picked: number[] = [];
  for (let n = 0; n < k; n++) {
    let best = -1;
    for (let i = 0; i < scores.length; i++) {
      if (picked.includes(i)) continue;
      if (best < 0 || (scores[i] ?? 0) > (scores[best] ?? 0)) best = i;
    }
    if (best >= 0) picked.push(best);
  }
  return picked.map((i) => ({ intent: INTENT_LABELS[i] ?? 'out_of_scope', confidence: round(scores[i] ?? 0) }));
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;
