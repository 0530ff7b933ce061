import { foldText } from '../core/fold.js';

/**
 * Human-friendly registration codes, `DVK-<year>-<unit short code>-<seq>`, e.g.
 * `DVK-2026-CN-017`. The sequence is padded to three digits and grows past 999.
 * Uniqueness is the allocator's job (a counter row per year and short code).
 */
export interface RegistrationCode {
  year: number;
  unitShortCode: string;
  sequence: number;
}

const SHORT_CODE = /^[A-Z][A-Z0-9]{0,7}$/;
const CODE = /^DVK-(\d{4})-([A-Z][A-Z0-9]{0,7})-(\d{3,6})$/;

export function isValidUnitShortCode(shortCode: string): boolean {
  return SHORT_CODE.test(shortCode);
}

export function formatRegistrationCode({ year, unitShortCode, sequence }: RegistrationCode): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`year ${year} is not a 4-digit year`);
  if (!isValidUnitShortCode(unitShortCode)) {
    throw new RangeError(`unit short code "${unitShortCode}" must be 1–8 upper-case ASCII letters or digits, starting with a letter`);
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) throw new RangeError(`sequence ${sequence} out of range`);
  return `DVK-${year}-${unitShortCode}-${String(sequence).padStart(3, '0')}`;
}

/**
 * Reads a code the way people type it ("dvk 2026 cn 17", "DVK-2026-CN-017") and returns
 * its parts, or undefined when it is not a code.
 */
export function parseRegistrationCode(text: string): RegistrationCode | undefined {
  const compact = foldText(text).toUpperCase().replace(/\s+/g, '-');
  const padded = compact.replace(/^DVK-(\d{4})-([A-Z][A-Z0-9]{0,7})-(\d{1,2})$/, (_m, y: string, u: string, s: string) => `DVK-${y}-${u}-${s.padStart(3, '0')}`);
  const match = CODE.exec(padded);
  if (!match) return undefined;
  const [, year, unitShortCode, sequence] = match;
  return { year: Number(year), unitShortCode: unitShortCode!, sequence: Number(sequence) };
}

/**
 * A default short code from a unit name: initials of the folded words, without the
 * type word ("phường Cửa Nam" → "CN"). Only a suggestion for staff: names collide
 * (Hàng Bồ and Hàng Bài both give "HB"), so the stored short code is data.
 */
export function suggestUnitShortCode(name: string): string {
  const folded = foldText(name).replace(LEADING_TYPE_WORDS, '');
  const initials = folded
    .split(' ')
    .filter((w) => w !== '')
    .map((w) => w[0]!.toUpperCase())
    .join('');
  const code = initials.replace(/[^A-Z0-9]/g, '').slice(0, 8);
  return /^[A-Z]/.test(code) ? code : `U${code}`.slice(0, 8);
}

const LEADING_TYPE_WORDS = /^(thanh pho|thi tran|thi xa|to dan pho|khu pho|dac khu|phuong|xa|quan|huyen|tinh) /;
