/**
 * Diacritic restoration as a *suggestion* for titles and names typed without marks ("thanh nien tuyen truyen"
 * → "thanh niên tuyên truyền"). The NLU never applies it by itself; the flow shows it for the user to confirm.
 * Viterbi decoding over a syllable bigram model of the domain's vocabulary.
 */
import { domainDiacriticsModel, type DiacriticsModel } from './diacritics-model.js';
import { fold, hasVietnameseMarks } from './fold.js';

const LAMBDA = 0.75;
const WORD = /\p{L}+/gu;

function restoreWords(words: readonly string[], m: DiacriticsModel): string[] {
  // Viterbi: states are candidate spellings of each word; score = log interpolated bigram probability.
  let beam: Array<{ w: string; score: number; path: string[] }> = [{ w: '<s>', score: 0, path: [] }];
  const vocab = m.unigram.size;
  for (const word of words) {
    const cands = m.candidates.get(word);
    const options = cands ? [...cands.keys()] : [word];
    const next: typeof beam = [];
    for (const cand of options) {
      const uni = ((m.unigram.get(cand) ?? 0) + 0.1) / (m.total + 0.1 * vocab);
      let best: (typeof beam)[number] | undefined;
      let bestScore = -Infinity;
      for (const state of beam) {
        const prevCount = m.unigram.get(state.w) ?? 0;
        const bi = prevCount > 0 ? (m.bigram.get(`${state.w} ${cand}`) ?? 0) / prevCount : 0;
        const s = state.score + Math.log(LAMBDA * bi + (1 - LAMBDA) * uni);
        if (s > bestScore) {
          bestScore = s;
          best = state;
        }
      }
      if (best) next.push({ w: cand, score: bestScore, path: [...best.path, cand] });
    }
    beam = next;
  }
  const winner = beam.reduce((a, b) => (b.score > a.score ? b : a), beam[0] ?? { w: '', score: 0, path: [] });
  return winner.path;
}

/** Copy the typed capitalisation onto the restored word; all-caps abbreviations (UBND, PCCC) stay as typed. */
function withCase(typed: string, restored: string): string {
  if (typed.length > 1 && typed === typed.toUpperCase()) return typed;
  const first = typed[0] ?? '';
  if (first !== first.toLowerCase()) return (restored[0] ?? '').toUpperCase() + restored.slice(1);
  return restored;
}

/**
 * Suggested marked spelling of `text`, or null when the text already has marks or nothing would change.
 * Punctuation, numbers and spacing are kept as typed.
 */
export function suggestDiacritics(text: string): string | null {
  if (text.trim() === '' || hasVietnameseMarks(text)) return null;
  const model = domainDiacriticsModel();
  const input = text.normalize('NFC');
  let out = '';
  let last = 0;
  // Restore each punctuation-free run separately so a comma resets the bigram context.
  for (const segment of input.matchAll(/[^,.;:!?()«»“”"\n]+/g)) {
    const start = segment.index ?? 0;
    out += input.slice(last, start);
    const seg = segment[0];
    const typed = [...seg.matchAll(WORD)];
    const restored = restoreWords(typed.map((t) => fold(t[0])), model);
    let pos = 0;
    let piece = '';
    typed.forEach((t, i) => {
      const at = t.index ?? 0;
      piece += seg.slice(pos, at) + withCase(t[0], restored[i] ?? t[0]);
      pos = at + t[0].length;
    });
    out += piece + seg.slice(pos);
    last = start + seg.length;
  }
  out += input.slice(last);
  return out === input ? null : out;
}
