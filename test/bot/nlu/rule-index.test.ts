import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLabelled } from '../../../bot/nlu/data-files.js';
import { INTENT_RULES } from '../../../bot/nlu/intent-rules.js';
import { normalizeText } from '../../../bot/nlu/normalize.js';
import { createRuleIndex, requiredWords } from '../../../bot/nlu/rule-index.js';

const words = (source: string) => [...(requiredWords(source) ?? ['<always>'])].sort();

describe('requiredWords: a word every match must contain', () => {
  it('takes the longest whole word of each alternative', () => {
    expect(words('\\bnhan (tin|thong bao)\\b')).toEqual(['nhan']);
    expect(words('\\b(han chot|thoi han)\\b|\\bcon kip\\b')).toEqual(['chot', 'con', 'thoi']);
  });
  it('looks through optional groups that end in a space, and through look-aheads', () => {
    expect(words('\\b(duoc )?(khen|thuong) (the )?gi\\b')).toEqual(['khen', 'thuong']);
    expect(words('\\b(huy|bo(?! sung))\\b')).toEqual(['bo', 'huy']);
  });
  it('never keys on a part of a word, nor on optional or repeated parts', () => {
    expect(words('\\bawards?\\b')).toEqual(['<always>']); // "award" is not a whole word of "awards"
    expect(words('\\b(xem )?thong bao\\b')).toEqual(['thong']);
    expect(words('\\b(\\w+ ){0,2}(ab)+\\b')).toEqual(['<always>']);
    expect(words('\\w+nhac\\b')).toEqual(['<always>']); // "\w" may be a letter: the run is not a whole word
    expect(words('nhac')).toEqual(['<always>']); // unanchored: "nhac" may sit inside a longer word
    expect(words('\\b(19\\d\\d)\\b')).toEqual(['<always>']);
  });
  it('treats a letter next to a digit as a word start ("9h")', () => {
    expect(words('\\d{1,2}h\\b')).toEqual(['h']);
  });
});

/**
 * The index must be exact: a rule left out for a message must not match it. Checked on every labelled message
 * and on random messages built from the rules' own words (where near misses are likeliest).
 */
describe('rule index over the real rules', () => {
  const sources = INTENT_RULES.map((r) => r.re.source);
  const index = createRuleIndex(sources);
  let stamp = 0;
  const missed = (text: string) =>
    INTENT_RULES.filter((rule, i) => {
      index.mark(text, ++stamp);
      return index.marks[i] !== stamp && index.marks[i] !== -1 && rule.re.test(text);
    }).map((r) => r.re.source);

  it('leaves out no rule that matches a labelled message', () => {
    const texts = (['labelled.train.jsonl', 'labelled.heldout.jsonl', 'labelled.heldout2.jsonl'] as const).flatMap((f) => readLabelled(f).map((m) => normalizeText(m.text)));
    expect(texts.length).toBeGreaterThan(1000);
    for (const text of texts) expect(missed(text), text).toEqual([]);
  });

  it('leaves out no rule that matches a random message of rule words, digits and punctuation', () => {
    const vocabulary = [...new Set(sources.join(' ').match(/[a-z]+/g))];
    const token = fc.oneof(fc.constantFrom(...vocabulary), fc.constantFrom('15/10', '9h', 'dvk-2026-cn-017', '1930', 'x'));
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 12 }), (parts) => {
        const text = parts.join(' ');
        expect(missed(text), text).toEqual([]);
      }),
      { numRuns: 3_000, seed: 16 },
    );
  });

  it('tests far fewer rules than there are', () => {
    const text = normalizeText('thứ 7 này p Cửa Nam có ngày hội ko');
    index.mark(text, ++stamp);
    const tested = [...index.marks].filter((m) => m === stamp || m === -1).length;
    expect(tested).toBeLessThan(INTENT_RULES.length / 4);
  });
});
