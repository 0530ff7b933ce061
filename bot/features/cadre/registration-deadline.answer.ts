import type { Turn } from '../../conversation/turn.js';
import { daysBetween, vietnamDateOf, vietnamYearOf } from '../../domain/iso-date.js';
import { formatIsoDate } from '../residents/event-format.js';
import type { CadreTurnTools } from './cadre-flow-state.js';
import type { CadreProfile } from './cadre-services.js';

/**
 * "Hạn đăng ký đến bao giờ?" for a cadre: the registration window the reviewing office configured for the cadre's
 * unit and this year (campaign calendar). Says where the date stands today, marks demo dates as such, and never
 * invents a date when none is configured.
 */
export async function registrationDeadlineAnswer(tools: CadreTurnTools, turn: Turn, profile: CadreProfile): Promise<string> {
  const { kit, api } = tools;
  const year = vietnamYearOf(turn.now);
  const window = await api.registrations.registrationWindow(profile.unitId, year, turn.now);
  if (window.status === 'not_configured') return kit.t('reg-deadline-not-configured', { year: String(year) });
  const today = vietnamDateOf(turn.now);
  const args = { year: String(year), office: window.officeName, until: formatIsoDate(window.endsOn) };
  const line =
    window.startsOn !== null && today < window.startsOn
      ? kit.t('reg-deadline-before', { ...args, from: formatIsoDate(window.startsOn) })
      : today <= window.endsOn
        ? kit.t('reg-deadline-open', { ...args, days: daysBetween(today, window.endsOn) })
        : kit.t('reg-deadline-closed', args);
  return window.demo ? `${line} ${kit.t('reg-deadline-demo')}` : line;
}
