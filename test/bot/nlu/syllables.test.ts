import { describe, expect, it } from 'vitest';
import { applyTone, isFoldedSyllable, isTonedSyllable, syllableTables } from '../../../bot/nlu/syllables.js';

describe('rule-generated syllables', () => {
  it('accepts real syllables and rejects Telex or teencode', () => {
    for (const w of ['dang', 'duoc', 'nguoi', 'khuya', 'quy', 'giup']) expect(isFoldedSyllable(w)).toBe(true);
    for (const w of ['ddang', 'kys', 'ok', 'tks']) expect(isFoldedSyllable(w)).toBe(false);
  });
  it('places tones traditionally', () => {
    expect(applyTone('hoa', 2)).toBe('hòa');
    expect(applyTone('thuy', 5)).toBe('thụy');
    expect(applyTone('thuyêt', 1)).toBe('thuyết');
    expect(applyTone('qua', 1)).toBe('quá');
  });
  it('only allows sắc and nặng on stop finals', () => {
    expect(isTonedSyllable('được')).toBe(true);
    expect(isTonedSyllable('đườc')).toBe(false);
  });
  it('generates a few thousand folded syllables', () => {
    expect(syllableTables().byFolded.size).toBeGreaterThan(2000);
  });
});
