import { foldText, foldedTokens } from '../core/fold.js';

/** The threshold of domain §2.3: at or above it a title is reported as a possible duplicate. */
export const DUPLICATE_SIMILARITY_THRESHOLD = 0.85;

/**
 * Similarity of two titles in [0, 1] after folding: the larger of token Jaccard and
 * character-trigram Jaccard. Tokens catch re-ordered words; trigrams catch typos and
 * missing diacritics that survive folding (e.g. "tuyen truyen" vs "tuyên truyền").
 */
export function titleSimilarity(a: string, b: string): number {
  const fa = foldText(a);
  const fb = foldText(b);
  if (fa === '' || fb === '') return 0;
  if (fa === fb) return 1;
  return Math.max(jaccard(new Set(foldedTokens(fa)), new Set(foldedTokens(fb))), jaccard(trigrams(fa), trigrams(fb)));
}

export function trigrams(folded: string): Set<string> {
  const padded = `  ${folded} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i += 1) grams.add(padded.slice(i, i + 3));
  return grams;
}

function jaccard<T>(a: Set<T>, b: Set<T>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  return shared / (a.size + b.size - shared);
}

export interface DuplicateCandidate {
  id: string;
  code: string | null;
  title: string;
  subjectUnitId: string;
  year: number;
}

export interface PossibleDuplicate extends DuplicateCandidate {
  similarity: number;
}

/**
 * Possible duplicates of a new title among registrations of the same owning unit and
 * year (domain §2.3), most similar first. The caller asks "new model or update?".
 */
export function findPossibleDuplicates(
  draft: { id?: string; title: string; subjectUnitId: string; year: number },
  existing: readonly DuplicateCandidate[],
  threshold = DUPLICATE_SIMILARITY_THRESHOLD,
): PossibleDuplicate[] {
  return existing
    .filter((r) => r.id !== draft.id && r.subjectUnitId === draft.subjectUnitId && r.year === draft.year)
    .map((r) => ({ ...r, similarity: titleSimilarity(draft.title, r.title) }))
    .filter((r) => r.similarity >= threshold)
    .sort((x, y) => y.similarity - x.similarity);
}
