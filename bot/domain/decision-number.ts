/**
 * Soft validation of decision numbers (domain §2.3). A mismatch is a warning, never a
 * block: local numbering varies and historical records must still be enterable.
 */
export type DecisionNumberCheck =
  | { ok: true; kind: 'party' | 'state'; normalized: string }
  | { ok: false; normalized: string; warningKey: 'warn-decision-number-format' };

/** Party documents: `48-KH/BDVTU`. */
const PARTY = /^\d+-[A-ZĐ]{1,4}\/[A-ZĐ0-9]+$/u;
/** State documents: `06/2021/QĐ-UBND`, `1656/NQ-UBTVQH15`. */
const STATE = /^\d+(\/\d{4})?\/[A-ZĐ]{1,4}-[A-ZĐ0-9]+$/u;

export function checkDecisionNumber(raw: string): DecisionNumberCheck {
  // Only spacing and case are normalised; letters are never rewritten (no "QD" → "QĐ").
  const normalized = raw.normalize('NFC').trim().replace(/\s*([/-])\s*/gu, '$1').replace(/\s+/gu, ' ').toUpperCase();
  if (PARTY.test(normalized)) return { ok: true, kind: 'party', normalized };
  if (STATE.test(normalized)) return { ok: true, kind: 'state', normalized };
  return { ok: false, normalized, warningKey: 'warn-decision-number-format' };
}
