/**
 * `npm run eval:nlu`: trains on labelled.train.jsonl only, then prints per-label precision/recall, intent
 * accuracy (train and held-out separately), slot accuracy and diacritic-restoration word accuracy.
 */
import { fixedClock } from '../bot/core/clock.js';
import { createInMemoryUnitTree } from '../bot/domain/in-memory-unit-tree.js';
import { createNlu } from '../bot/nlu/create-nlu.js';
import { seedUnitNodes } from '../prisma/seed/seed-unit-nodes.js';
import { readLabelled, type LabelledMessage } from '../bot/nlu/data-files.js';
import { evaluateDiacritics } from '../bot/nlu/eval/diacritics-eval.js';
import { evaluateIntents, evaluateSlots, formatIntentReport } from '../bot/nlu/eval/intent-eval.js';

/** The labelled slot values were written for this instant (a Wednesday). */
const EVAL_NOW = '2026-10-07T10:00:00+07:00';

const train = readLabelled('labelled.train.jsonl');
// Place slots resolve against the seed's unit tree (slots.placeUnit).
const units = createInMemoryUnitTree(seedUnitNodes());
const heldout = readLabelled('labelled.heldout.jsonl');
// Written for issue 16 before any tuning, never tuned on.
const heldout2 = readLabelled('labelled.heldout2.jsonl');
const nlu = createNlu({ clock: fixedClock(EVAL_NOW), training: train, units });
// Errors are listed for the training part only: the held-out part is never used to tune rules.
const verbose = process.argv.includes('--errors');

for (const [name, set] of [['train', train], ['held-out', heldout], ['held-out 2', heldout2]] as const) {
  const report = evaluateIntents(nlu, set as readonly LabelledMessage[]);
  console.log(formatIntentReport(name, report, verbose && name === 'train'));
  const slots = evaluateSlots(nlu, set as readonly LabelledMessage[], verbose && name === 'train');
  console.log(
    `[${name}] slot accuracy: ${(slots.accuracy * 100).toFixed(1)}% (${slots.correct}/${slots.expected} expected slot values` +
      ` in ${slots.messages} annotated messages); spurious extra slots: ${slots.spurious}`,
  );
  console.log('');
}
const dia = evaluateDiacritics();
console.log(
  `[diacritics held-out] word accuracy: ${(dia.accuracy * 100).toFixed(1)}% (${dia.correct}/${dia.words} words, ` +
    `${dia.sentences} titles); baseline (leave unmarked): ${(dia.baseline * 100).toFixed(1)}%`,
);

// `--cv`: 5-fold cross-validation inside the training part — the honest way to find weak spots while tuning.
if (process.argv.includes('--cv')) {
  let correct = 0;
  const misses: string[] = [];
  for (let fold = 0; fold < 5; fold++) {
    const fit = train.filter((_, i) => i % 5 !== fold);
    const test = train.filter((_, i) => i % 5 === fold);
    const cvNlu = createNlu({ clock: fixedClock(EVAL_NOW), training: fit });
    const r = evaluateIntents(cvNlu, test);
    correct += r.correct;
    for (const e of r.errors) misses.push(`  ✗ [${e.role}] ${e.text}  →  ${e.got} (${e.confidence}) expected ${e.expected}`);
  }
  console.log(`\n[train 5-fold CV] intent accuracy: ${((correct / train.length) * 100).toFixed(1)}% (${correct}/${train.length})`);
  if (verbose) console.log(misses.join('\n'));
}
