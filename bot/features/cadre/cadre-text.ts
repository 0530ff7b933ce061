import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { VIETNAM_TIME_ZONE } from '../../core/clock.js';
import { foldKeepingPunctuation } from '../../core/fold.js';
import type { IsoDate } from '../../domain/iso-date.js';
import { isIsoDate, vietnamYearOf } from '../../domain/iso-date.js';

/** Folded text without trailing punctuation or politeness particles, for matching short commands. */
export function commandText(text: string): string {
  return foldKeepingPunctuation(text)
    .replace(/[.!?,;:…]+/g, ' ')
    .replace(/\s+(a|nhe|nha|nhé|di|giup em|giup toi|giup minh|voi)$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const CANCEL = new Set(['huy', 'huy bo', 'thoi', 'thoi khong lam nua', 'thoi khong dang ky nua', 'dung', 'dung lai', 'huy dang ky', 'stop', 'cancel', 'thoi huy']);

/**
 * "hủy", "thôi", "dừng" cancel a flow. "dung" without marks could also be "đúng" (yes):
 * callers check the offered options first, and a typed "đúng" with marks never cancels.
 */
export function isCancel(text: string): boolean {
  const raw = text.normalize('NFC').toLowerCase();
  if (/đúng/.test(raw)) return false;
  return CANCEL.has(commandText(text));
}

export function isResume(text: string): boolean {
  return /^(tiep tuc|lam tiep|tiep|continue|resume)( dang ky| ban nhap| ho so)?$/.test(commandText(text));
}

export function isBack(text: string): boolean {
  return /^(quay lai|tro lai|lui lai|back)( buoc truoc)?$/.test(commandText(text));
}

/** "sửa bước 2", "sua buoc 5" → 2, 5. */
export function editStepNumber(text: string): number | null {
  const match = /^(?:sua|lam lai|quay lai|ve) buoc (\d)$/.exec(commandText(text));
  return match ? Number(match[1]) : null;
}

export function isSkip(text: string): boolean {
  return /^(bo qua|chua ro|khong ro|skip|chua biet|khong)$/.test(commandText(text));
}

export function isNone(text: string): boolean {
  return /^(khong|ko|k|kh|khong co|chua co|none|no|hok|khum)$/.test(commandText(text));
}

export function isYes(text: string): boolean {
  return /^(dung|dung roi|dung r|u|uh|vang|co|ok|oke|oki|yes|chinh xac|phai|dong y|xac nhan)$/.test(commandText(text));
}

/** dd/MM/yyyy in Vietnam time for an ISO date or an instant. */
export function showDate(value: IsoDate | Date): string {
  if (typeof value === 'string') {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  return format(new TZDate(value, VIETNAM_TIME_ZONE), 'dd/MM/yyyy');
}

/** HH:mm in Vietnam time. */
export function showTime(instant: Date): string {
  return format(new TZDate(instant, VIETNAM_TIME_ZONE), 'HH:mm');
}

/** Day before month (domain §2.3): "1/3", "01-03-2026", "15.10" → ISO, in the current year when omitted. */
export function parseDayMonth(text: string, now: Date): IsoDate | null {
  const match = /(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}|\d{2}))?/.exec(text);
  const spelled = /ngay (\d{1,2}) thang (\d{1,2})(?: nam (\d{4}))?/.exec(foldKeepingPunctuation(text));
  const parts = match ?? spelled;
  if (!parts) return null;
  const day = Number(parts[1]);
  const month = Number(parts[2]);
  let year = parts[3] ? Number(parts[3]) : vietnamYearOf(now);
  if (year < 100) year += 2000;
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** Shortens long text for one-line lists, on a word boundary. */
export function shorten(text: string, max = 60): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Canonical registration code in a message, e.g. "dvk-2026-cn-017" → "DVK-2026-CN-017". */
export function findRegistrationCode(text: string): string | null {
  const match = /\bdvk\s*-\s*(\d{4})\s*-\s*([a-z]{1,4})\s*-\s*(\d{1,4})\b/i.exec(foldKeepingPunctuation(text));
  return match ? `DVK-${match[1]}-${match[2]!.toUpperCase()}-${match[3]!.padStart(3, '0')}` : null;
}

/** Titles start with a capital letter; the diacritics suggestion keeps the typed lower case. */
export function capitalizeFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** The marked spelling suggested for an unmarked title, capitalised; null when nothing would change. */
export function titleSuggestion(title: string, suggest: (text: string) => string | null): string | null {
  const suggestion = suggest(title);
  if (!suggestion) return null;
  const capitalised = capitalizeFirst(suggestion);
  return capitalised === title ? null : capitalised;
}
