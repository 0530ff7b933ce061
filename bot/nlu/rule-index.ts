/**
 * Which keyword rules can possibly match a message, found from the words the message contains.
 *
 * Testing every rule's regex on every message was most of the classifier's cost (≈190 rules, ~60 tested per
 * message when a rule was keyed by every word written anywhere in it, so "co", "la" or "gi" woke dozens). Here each
 * rule's source is read once and, for every top-level alternative, one set of words is found of which a match
 * MUST contain at least one as a whole word (a maximal run of letters). A message is tested against a rule only
 * when it holds such a word. The condition is necessary, never sufficient, so results are exactly those of testing
 * every rule; a rule whose source cannot be read that way is simply always tested.
 *
 * The reader understands the regex subset the rules are written in: literals, `\b \d \w \s`, `.`, `[...]`,
 * groups `( )`, `(?: )`, look-arounds `(?! )` `(?= )`, `^ $`, `|`, and the quantifiers `? * + {m,n}`.
 */

type Item =
  | { kind: 'char'; c: string; min: number; max: number }
  | { kind: 'boundary' } // \b, ^, $ (zero-width; a letter next to one starts or ends a letter run)
  | { kind: 'nonletter'; min: number } // \d, or a class / escape that never matches a letter
  | { kind: 'other'; min: number } // \w, ., [a-z] … (may match letters)
  | { kind: 'group'; alts: Item[][]; min: number; max: number }
  | { kind: 'look' }; // (?! ) (?= ): zero-width, says nothing about the neighbours

class Reader {
  i = 0;
  constructor(readonly s: string) {}

  alternatives(): Item[][] {
    const alts: Item[][] = [this.sequence()];
    while (this.s[this.i] === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    return alts;
  }

  private sequence(): Item[] {
    const items: Item[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const item = this.atom();
      const [min, max] = this.quantifier();
      if (item.kind === 'char' || item.kind === 'group') items.push({ ...item, min, max });
      else if (item.kind === 'nonletter' || item.kind === 'other') items.push({ ...item, min });
      else items.push(item);
    }
    return items;
  }

  private atom(): Item {
    const c = this.s[this.i++]!;
    if (c === '\\') {
      const e = this.s[this.i++]!;
      if (e === 'b') return { kind: 'boundary' };
      if (e === 'd' || e === 's' || e === 'D' || e === 'W') return { kind: e === 'D' || e === 'W' ? 'other' : 'nonletter', min: 1 };
      if (/[a-zA-Z]/.test(e)) return { kind: 'other', min: 1 };
      return { kind: 'char', c: e, min: 1, max: 1 };
    }
    if (c === '^' || c === '$') return { kind: 'boundary' };
    if (c === '.') return { kind: 'other', min: 1 };
    if (c === '[') {
      let body = '';
      while (this.i < this.s.length && this.s[this.i] !== ']') body += this.s[this.i++] === '\\' ? '\\' + this.s[this.i++] : this.s[this.i - 1];
      this.i++;
      return { kind: /[a-zA-Z]/.test(body.replace(/\\[ds]/g, '')) ? 'other' : 'nonletter', min: 1 };
    }
    if (c === '(') {
      let look = false;
      if (this.s[this.i] === '?') {
        look = this.s[this.i + 1] === '!' || this.s[this.i + 1] === '=' || this.s[this.i + 1] === '<';
        this.i += this.s[this.i + 1] === '<' ? 3 : 2;
      }
      const alts = this.alternatives();
      this.i++; // ')'
      return look ? { kind: 'look' } : { kind: 'group', alts, min: 1, max: 1 };
    }
    return { kind: 'char', c, min: 1, max: 1 };
  }

  private quantifier(): [number, number] {
    const c = this.s[this.i];
    let q: [number, number] = [1, 1];
    if (c === '?') q = [0, 1];
    else if (c === '*') q = [0, Infinity];
    else if (c === '+') q = [1, Infinity];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.i));
      if (!m) return q;
      this.i += m[0].length;
      return [Number(m[1]), m[2] === undefined ? Number(m[1]) : m[3] ? Number(m[3]) : Infinity];
    } else return q;
    this.i++;
    if (this.s[this.i] === '?') this.i++; // lazy
    return q;
  }
}

const isLetter = (c: string) => c >= 'a' && c <= 'z';

/** An item that, when it consumes anything, consumes a non-letter (or is a word boundary). */
function isGuard(item: Item): boolean {
  if (item.kind === 'boundary') return true;
  if (item.kind === 'nonletter') return item.min >= 1;
  if (item.kind === 'char') return !isLetter(item.c) && item.min >= 1;
  return false;
}

/**
 * Whether the character next to position `at` on side `dir` (-1 left, +1 right) can never be a letter. An optional
 * group is looked through when every alternative ends (or starts) with a guard: "(duoc )?(khen|thuong)".
 */
function guarded(items: readonly Item[], at: number, dir: -1 | 1, edgeGuard: boolean): boolean {
  const item = items[at + dir];
  if (!item) return edgeGuard;
  if (isGuard(item)) return true;
  if (item.kind === 'group' && item.min === 0) {
    const edgesGuard = item.alts.every((alt) => {
      const real = alt.filter((x) => x.kind !== 'look');
      const edge = dir === -1 ? real[real.length - 1] : real[0];
      return edge !== undefined && isGuard(edge);
    });
    return edgesGuard && guarded(items, at + dir, dir, edgeGuard);
  }
  return false;
}

/**
 * Candidate requirements of one sequence: each is a set of words of which any match holds one. `leftGuard` /
 * `rightGuard` say whether what surrounds the sequence can never be a letter.
 */
function requirements(seq: readonly Item[], leftGuard: boolean, rightGuard: boolean): Array<Set<string>> {
  const items = seq.filter((it) => it.kind !== 'look');
  const found: Array<Set<string>> = [];
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.kind === 'char' && isLetter(it.c) && it.min === 1 && it.max === 1) {
      let j = i;
      let word = '';
      while (j < items.length) {
        const x = items[j]!;
        if (x.kind !== 'char' || !isLetter(x.c) || x.min !== 1 || x.max !== 1) break;
        word += x.c;
        j++;
      }
      if (guarded(items, i, -1, leftGuard) && guarded(items, j - 1, 1, rightGuard)) found.push(new Set([word]));
      i = j - 1;
    } else if (it.kind === 'group' && it.min >= 1 && it.max === 1) {
      const left = guarded(items, i, -1, leftGuard);
      const right = guarded(items, i, 1, rightGuard);
      const union = new Set<string>();
      let complete = true;
      for (const alt of it.alts) {
        const best = pick(requirements(alt, left, right));
        if (!best) {
          complete = false;
          break;
        }
        for (const w of best) union.add(w);
      }
      if (complete) found.push(union);
    }
  }
  return found;
}

/** Prefers the requirement whose words are longest (short words such as "co", "la" are in most messages). */
function pick(candidates: ReadonlyArray<Set<string>>): Set<string> | undefined {
  let best: Set<string> | undefined;
  let bestScore = -Infinity;
  for (const c of candidates) {
    let shortest = Infinity;
    for (const w of c) shortest = Math.min(shortest, w.length);
    const score = shortest * 100 - c.size;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** The words one of which every match of `source` contains, or undefined when that cannot be said. */
export function requiredWords(source: string): Set<string> | undefined {
  const reader = new Reader(source);
  const alts = reader.alternatives();
  if (reader.i < source.length) return undefined; // unbalanced: do not guess
  const all = new Set<string>();
  for (const alt of alts) {
    const best = pick(requirements(alt, false, false));
    if (!best) return undefined;
    for (const w of best) all.add(w);
  }
  return all;
}

export interface RuleIndex {
  /** Marks with `stamp` every rule that may match `text`; rules that are always tested carry -1. */
  mark(text: string, stamp: number): void;
  /** Per rule: -1 (always tested) or the stamp of the last message that may match it. */
  readonly marks: Int32Array;
}

const LETTER_RUN = /[a-z]+/g;

export function createRuleIndex(sources: readonly string[]): RuleIndex {
  const byWord = new Map<string, number[]>();
  const marks = new Int32Array(sources.length);
  sources.forEach((source, i) => {
    const words = requiredWords(source);
    if (!words) {
      marks[i] = -1;
      return;
    }
    for (const w of words) {
      const list = byWord.get(w);
      if (list) list.push(i);
      else byWord.set(w, [i]);
    }
  });
  return {
    marks,
    mark(text, stamp) {
      // Letter runs, not space-separated words: "dvk-2026-cn-017" holds the run "dvk", "9h" the run "h".
      for (const m of text.matchAll(LETTER_RUN)) {
        const rules = byWord.get(m[0]);
        if (rules) for (const r of rules) if (marks[r] !== -1) marks[r] = stamp;
      }
    },
  };
}
