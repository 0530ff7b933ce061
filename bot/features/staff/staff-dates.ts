import { isIsoDate, vietnamDateOf, type IsoDate } from '../../domain/iso-date.js';
import { parseDayMonth } from '../cadre/cadre-text.js';

/**
 * The day staff mean by "15/6" or "13/12": the NLU's date slot or the typed day/month,
 * moved to next year when it has already passed this year and no year was typed
 * ("nhắc … trước 15/6" said in November means next June).
 */
export function upcomingDate(slot: unknown, text: string, now: Date): IsoDate | null {
  const found = typeof slot === 'string' && isIsoDate(slot) ? slot : parseDayMonth(text, now);
  if (!found) return null;
  if (found >= vietnamDateOf(now) || /\d{4}/.test(text)) return found;
  const next = `${Number(found.slice(0, 4)) + 1}${found.slice(4)}`;
  return isIsoDate(next) ? next : found;
}
