import type { IsoDate } from '../../domain/iso-date.js';
import { foldText } from '../../core/fold.js';
import { lastValidDay, type UnitTree } from '../../domain/unit-tree.js';
import type { PublicInfoEntry } from './resident-services.js';

/** The text of an entry in the user's language (Vietnamese when English is missing). */
export function localized(entry: PublicInfoEntry, locale: string, field?: string): string | null {
  const pick = (value: unknown): unknown => (field && value && typeof value === 'object' ? (value as Record<string, unknown>)[field] : value);
  const own = pick(entry.content[locale]);
  const vi = pick(entry.content.vi);
  const text = typeof own === 'string' ? own : typeof vi === 'string' ? vi : null;
  return text?.normalize('NFC') ?? null;
}

/** The glossary entry whose longest term appears in the message, as whole words. */
export function findByTerms(entries: readonly PublicInfoEntry[], text: string): PublicInfoEntry | null {
  const words = ` ${foldText(text)} `;
  let best: { entry: PublicInfoEntry; length: number } | null = null;
  for (const entry of entries) {
    for (const term of entry.terms) {
      const key = foldText(term);
      if (key !== '' && words.includes(` ${key} `) && (!best || key.length > best.length)) best = { entry, length: key.length };
    }
  }
  return best?.entry ?? null;
}

/**
 * The entry configured for a unit or, failing that, its nearest ancestor; a pre-2025 unit
 * also looks at its successors. Global entries (no unit) only when `allowGlobal`.
 */
export function entryForUnit(
  entries: readonly PublicInfoEntry[],
  tree: UnitTree,
  unitId: string | null,
  asOf: IsoDate,
  allowGlobal: boolean,
): PublicInfoEntry | null {
  const unit = unitId ? tree.get(unitId) : undefined;
  if (unit) {
    const chain = [unit.id, ...unit.successors.map((s) => s.unitId), ...tree.ancestorsAsOf(unit.id, lastValidDay(unit, asOf)).map((a) => a.id)];
    for (const id of chain) {
      const found = entries.find((e) => e.unitId === id);
      if (found) return found;
    }
  }
  return allowGlobal ? (entries.find((e) => e.unitId === null) ?? null) : null;
}

/** The headword of a glossary entry in the user's language. */
export function termOf(entry: PublicInfoEntry, locale: string): string {
  const own = entry.content[`term_${locale}`];
  const vi = entry.content.term_vi;
  return (typeof own === 'string' ? own : typeof vi === 'string' ? vi : entry.id).normalize('NFC');
}
