/** Word accuracy of diacritic restoration on held-out titles (data/diacritics.heldout.jsonl). */
import { readFileSync } from 'node:fs';
import { dataPath } from '../data-files.js';
import { suggestDiacritics } from '../diacritics.js';
import { fold } from '../fold.js';

export interface DiacriticsReport {
  sentences: number;
  words: number;
  correct: number;
  accuracy: number;
  /** Accuracy of leaving the text unmarked, for scale. */
  baseline: number;
}

const words = (s: string): string[] => s.normalize('NFC').split(/[\s,.;:!?()«»“”"]+/).filter(Boolean);

export function evaluateDiacritics(): DiacriticsReport {
  const lines = readFileSync(dataPath('diacritics.heldout.jsonl'), 'utf8').split('\n').filter((l) => l.trim());
  let total = 0;
  let correct = 0;
  let baseline = 0;
  for (const line of lines) {
    const gold = (JSON.parse(line) as { title: string }).title;
    const input = fold(gold);
    const plain = words(input);
    const guess = words(suggestDiacritics(input) ?? input);
    const want = words(gold);
    want.forEach((w, i) => {
      total++;
      if ((guess[i] ?? '').toLowerCase() === w.toLowerCase()) correct++;
      if ((plain[i] ?? '') === w.toLowerCase()) baseline++;
    });
  }
  return { sentences: lines.length, words: total, correct, accuracy: total ? correct / total : 0, baseline: total ? baseline / total : 0 };
}
