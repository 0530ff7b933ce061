import { describe, expect, it } from 'vitest';
import { INTENT_LABELS, toNluRole } from '../../../bot/nlu/index.js';
import { readLabelled } from '../../../bot/nlu/data-files.js';

describe('labels', () => {
  it('has exactly the 28 labels of the issue', () => {
    expect(INTENT_LABELS).toHaveLength(28);
    expect(new Set(INTENT_LABELS).size).toBe(28);
  });
  it('maps chat roles to NLU roles', () => {
    expect(toNluRole('resident')).toBe('resident');
    expect(toNluRole('cadre')).toBe('cadre');
    for (const r of ['reviewer', 'approver', 'broadcaster', 'admin'] as const) expect(toNluRole(r)).toBe('staff');
  });
});

describe('labelled data', () => {
  const train = readLabelled('labelled.train.jsonl');
  // Two held-out sets: the first one's, and issue 16's fresh set written before any tuning.
  const heldout = [...readLabelled('labelled.heldout.jsonl'), ...readLabelled('labelled.heldout2.jsonl')];
  it('has at least 300 messages, a sizeable held-out part, every label in both parts', () => {
    expect(train.length + heldout.length).toBeGreaterThanOrEqual(300);
    expect(heldout.length / (train.length + heldout.length)).toBeGreaterThan(0.2);
    for (const label of INTENT_LABELS) {
      expect(train.some((m) => m.intent === label)).toBe(true);
      expect(heldout.some((m) => m.intent === label)).toBe(true);
    }
  });
  it('is at least 40% without diacritics', () => {
    const all = [...train, ...heldout];
    const plain = all.filter((m) => !/[\u0300-\u036fđĐ]/.test(m.text.normalize('NFD'))).length;
    expect(plain / all.length).toBeGreaterThanOrEqual(0.4);
  });
  it('issue 16 held-out set: at least 300 messages, 40% unmarked, 20 English, every label', () => {
    const fresh = readLabelled('labelled.heldout2.jsonl');
    expect(fresh.length).toBeGreaterThanOrEqual(300);
    const plain = fresh.filter((m) => !/[\u0300-\u036fđĐ]/.test(m.text.normalize('NFD'))).length;
    expect(plain / fresh.length).toBeGreaterThanOrEqual(0.4);
    const english = fresh.filter((m) => /\b(the|is|my|what|when|how|please|where|I)\b/.test(m.text)).length;
    expect(english).toBeGreaterThanOrEqual(20);
    for (const label of INTENT_LABELS) expect(fresh.some((m) => m.intent === label)).toBe(true);
  });
  it('never repeats a held-out message in training', () => {
    const seen = new Set(train.map((m) => `${m.role}|${m.text.toLowerCase()}`));
    for (const m of heldout) expect(seen.has(`${m.role}|${m.text.toLowerCase()}`), m.text).toBe(false);
  });
});
