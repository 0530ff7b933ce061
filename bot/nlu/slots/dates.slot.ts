/**
 * Dates and times in folded text, resolved against an injected clock in Asia/Ho_Chi_Minh (domain.md §2.3).
 * Day comes before month. Expressions are consumed in order of specificity so "thu 7 tuan sau" does not also
 * yield the range "tuan sau".
 */
import { TZDate } from '@date-fns/tz';
import { VIETNAM_TIME_ZONE, type Clock } from '../../core/clock.js';

export interface DateSlots {
  date?: string;
  dateRange?: { from: string; to: string };
  time?: string;
  year?: number;
}

const WEEKDAY: Record<string, number> = {
  'thu hai': 1, 'thu 2': 1, 'thu ba': 2, 'thu 3': 2, 'thu tu': 3, 'thu 4': 3, 'thu nam': 4, 'thu 5': 4,
  'thu sau': 5, 'thu 6': 5, 'thu bay': 6, 'thu 7': 6, 'chu nhat': 0,
};
const CUOI_TUAN = / cuoi tuan(?: (nay|sau|toi|truoc))?(?= )/;
const TUAN = / tuan (nay|sau|toi|truoc|roi)(?= )/;
const THANG = / thang (nay|sau|toi|truoc|roi)(?= )/;

/**
 * A calendar day as a UTC-midnight Date. TZDate decides *which* day it is in Vietnam; after that, adding days or
 * months to a civil date involves no time zone, and plain UTC arithmetic avoids an Intl call per operation.
 */
type Day = Date;
const dayOf = (y: number, m0: number, d: number): Day => new Date(Date.UTC(y, m0, d));
const addDays = (d: Day, n: number): Day => dayOf(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + n);
/** Weeks start on Monday in Vietnam ("tuần này" = Monday … Sunday). */
const startOfWeek = (d: Day): Day => addDays(d, -((d.getUTCDay() + 6) % 7));
const startOfMonth = (y: number, m0: number): Day => dayOf(y, m0, 1);
const endOfMonth = (y: number, m0: number): Day => dayOf(y, m0 + 1, 0);
const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (d: Day): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Today's date in Vietnam, memoised per minute: a minute never straddles midnight there (whole-hour offset). */
let memo: { minute: number; today: Day } | undefined;
function todayIn(clock: Clock): Day {
  const ms = clock.now().getTime();
  const minute = Math.floor(ms / 60_000);
  if (memo?.minute !== minute) {
    const vn = new TZDate(ms, VIETNAM_TIME_ZONE);
    memo = { minute, today: dayOf(vn.getFullYear(), vn.getMonth(), vn.getDate()) };
  }
  return memo.today;
}

const MAY_HAVE_DATE = /\d|\b(nay|mai|qua|kia|mot|tuan|thang|nam|thu|chu nhat)\b/;

export function extractDates(text: string, clock: Clock): DateSlots {
  const out: DateSlots = {};
  if (!MAY_HAVE_DATE.test(text)) return out;
  let t = ` ${text} `;
  // Cheap substring guards first: most messages carry no date, and each pattern is a regex run.
  const take = (hint: string | RegExp, re: RegExp, fn: (m: RegExpExecArray) => boolean | void): void => {
    if (typeof hint === 'string' ? !t.includes(hint) : !hint.test(t)) return;
    const m = re.exec(t);
    if (!m) return;
    if (fn(m) !== false) t = t.slice(0, m.index) + ' '.repeat(m[0].length) + t.slice(m.index + m[0].length);
  };
  let todayCache: Day | undefined;
  const day = (): Day => (todayCache ??= todayIn(clock));
  const setDate = (d: Date): void => {
    out.date ??= iso(d);
  };
  const setRange = (from: Date, to: Date): void => {
    out.dateRange ??= { from: iso(from), to: iso(to) };
  };

  // Times: "9h", "8h30", "14 gio 30", then "sang/chieu/toi" after the number.
  take(/\d/, / (\d{1,2})(?:h(\d{2})?| gio(?: (\d{1,2}))?)(?: (sang|trua|chieu|toi|dem))?(?= )/, (m) => {
    let h = Number(m[1]);
    const min = Number(m[2] ?? m[3] ?? 0);
    if ((m[4] === 'chieu' || m[4] === 'toi' || m[4] === 'dem') && h < 12) h += 12;
    if (h > 23 || min > 59) return false;
    out.time = `${pad(h)}:${pad(min)}`;
    return true;
  });
  // Explicit dates: 15/10, 15/10/2026, "ngay 15 thang 10 (nam 2026)".
  const explicit = (d: number, m: number, yRaw: string | undefined): boolean => {
    let y = yRaw === undefined ? day().getUTCFullYear() : Number(yRaw);
    if (y < 100) y += 2000;
    if (!validDay(y, m, d)) return false;
    setDate(dayOf(y, m - 1, d));
    return true;
  };
  take('/', / (\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?(?= )/, (m) => explicit(Number(m[1]), Number(m[2]), m[3]));
  take('ngay', / ngay (\d{1,2}) thang (\d{1,2})(?: nam (\d{4}))?(?= )/, (m) => explicit(Number(m[1]), Number(m[2]), m[3]));
  // Weekdays: "thu 7 (nay)", "chu nhat tuan sau", "t2 tuan truoc".
  take(/ thu | chu nhat /, / (thu (?:hai|ba|tu|nam|sau|bay|[2-7])|chu nhat)(?: (?:(tuan )?(nay|sau|toi|truoc)))?(?= )/, (m) => {
    const wd = WEEKDAY[m[1] ?? ''];
    if (wd === undefined) return false;
    const rel = m[3];
    const today = day();
    const weekStart = startOfWeek(today);
    const offsetInWeek = wd === 0 ? 6 : wd - 1;
    if (rel !== undefined && m[2] !== undefined && /sau|toi/.test(rel)) setDate(addDays(weekStart, 7 + offsetInWeek));
    else if (rel !== undefined && m[2] !== undefined && rel === 'truoc') setDate(addDays(weekStart, offsetInWeek - 7));
    else {
      // "thứ 7 này" / bare "thứ 7": the next such day, today included.
      const delta = (wd - today.getUTCDay() + 7) % 7;
      setDate(addDays(today, delta));
    }
    return true;
  });
  take('cuoi tuan', CUOI_TUAN, (m) => {
    const shift = m[1] === 'sau' || m[1] === 'toi' ? 1 : m[1] === 'truoc' ? -1 : 0;
    const today = day();
    const sat = addDays(startOfWeek(today), 7 * shift + 5);
    const sun = addDays(sat, 1);
    setRange(shift === 0 && today > sat ? today : sat, sun);
  });
  take(' hom ', / hom nay(?= )/, () => setDate(day()));
  take(' mai ', / (ngay mai|sang mai|chieu mai|toi mai)(?= )/, () => setDate(addDays(day(), 1)));
  take(' mai ', / (?<!(?:chi|co|ba|anh|em|ong|hang) )mai(?= )/, () => setDate(addDays(day(), 1)));
  take('ngay ', / (ngay kia|ngay mot)(?= )/, () => setDate(addDays(day(), 2)));
  take('hom ', / hom qua(?= )/, () => setDate(addDays(day(), -1)));
  take('hom ', / hom kia(?= )/, () => setDate(addDays(day(), -2)));
  // Ranges.
  take('tuan ', TUAN, (m) => {
    const shift = m[1] === 'nay' ? 0 : m[1] === 'sau' || m[1] === 'toi' ? 1 : -1;
    const start = addDays(startOfWeek(day()), 7 * shift);
    setRange(start, addDays(start, 6));
  });
  take('thang ', THANG, (m) => {
    const shift = m[1] === 'nay' ? 0 : m[1] === 'sau' || m[1] === 'toi' ? 1 : -1;
    const t0 = day();
    const m0 = t0.getUTCMonth() + shift;
    setRange(startOfMonth(t0.getUTCFullYear(), m0), endOfMonth(t0.getUTCFullYear(), m0));
  });
  take('thang ', / (?<!\d )thang (\d{1,2})(?: nam (\d{4}))?(?= )/, (m) => {
    const month = Number(m[1]);
    if (month < 1 || month > 12) return false;
    const y = m[2] ? Number(m[2]) : day().getUTCFullYear();
    setRange(startOfMonth(y, month - 1), endOfMonth(y, month - 1));
    return true;
  });
  take('ngay ', / ngay (\d{1,2})(?= )/, (m) => explicit(Number(m[1]), day().getUTCMonth() + 1, undefined));
  // Years.
  take('nam ', / nam (nay|sau|toi|ngoai|truoc|roi)(?= )/, (m) => {
    out.year = day().getUTCFullYear() + (m[1] === 'nay' ? 0 : m[1] === 'sau' || m[1] === 'toi' ? 1 : -1);
  });
  take(/\d{4}/, / (?:nam )?((?:19|20)\d{2})(?= )/, (m) => {
    out.year ??= Number(m[1]);
  });
  return out;
}
