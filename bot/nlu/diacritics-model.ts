/**
 * A syllable unigram/bigram model over the domain's own marked text: glossary phrases (data/vocab.vi.txt), place
 * names, the seed fixture's titles and names, and the marked training messages. Built once, on first use.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dataPath, readLabelled } from './data-files.js';
import { fold, hasVietnameseMarks } from './fold.js';

export interface DiacriticsModel {
  /** folded syllable → toned spellings seen, with counts. */
  candidates: ReadonlyMap<string, ReadonlyMap<string, number>>;
  unigram: ReadonlyMap<string, number>;
  bigram: ReadonlyMap<string, number>;
  total: number;
}

const SEED = fileURLToPath(new URL('../../prisma/seed/dvk-seed.json', import.meta.url));

function seedTexts(): string[] {
  if (!existsSync(SEED)) return [];
  const seed = JSON.parse(readFileSync(SEED, 'utf8')) as Record<string, unknown>;
  const out: string[] = [];
  // Collect every string value: titles, names, notes in Vietnamese. English notes carry no marks and are skipped.
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (hasVietnameseMarks(v)) out.push(v);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(seed);
  return out;
}

export function syllablesOf(text: string): string[][] {
  // Sentences split at punctuation so bigrams never cross a comma or a quote.
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[,.;:!?()«»“”"\n–-]+/)
    .map((s) => s.split(/\s+/).filter((w) => /^\p{L}+$/u.test(w)))
    .filter((s) => s.length > 0);
}

export function buildDiacriticsModel(texts: readonly string[]): DiacriticsModel {
  const candidates = new Map<string, Map<string, number>>();
  const unigram = new Map<string, number>();
  const bigram = new Map<string, number>();
  let total = 0;
  for (const text of texts) {
    for (const sentence of syllablesOf(text)) {
      let prev = '<s>';
      for (const w of sentence) {
        total++;
        unigram.set(w, (unigram.get(w) ?? 0) + 1);
        bigram.set(`${prev} ${w}`, (bigram.get(`${prev} ${w}`) ?? 0) + 1);
        const key = fold(w);
        const c = candidates.get(key) ?? new Map<string, number>();
        c.set(w, (c.get(w) ?? 0) + 1);
        candidates.set(key, c);
        prev = w;
      }
    }
  }
  unigram.set('<s>', texts.length);
  return { candidates, unigram, bigram, total };
}

let model: DiacriticsModel | undefined;

export function domainDiacriticsModel(): DiacriticsModel {
  if (model) return model;
  const texts: string[] = [];
  for (const line of readFileSync(dataPath('vocab.vi.txt'), 'utf8').split('\n')) {
    if (line.trim() && !line.startsWith('#')) texts.push(line);
  }
  const places = JSON.parse(readFileSync(dataPath('places.json'), 'utf8')) as { names: string[] };
  texts.push(...places.names.filter(hasVietnameseMarks));
  texts.push(...seedTexts());
  texts.push(...readLabelled('labelled.train.jsonl').map((m) => m.text).filter(hasVietnameseMarks));
  model = buildDiacriticsModel(texts);
  return model;
}
