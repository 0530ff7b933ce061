import { parseQuietHours } from '../../bot/domain/quiet-hours.js';

/** BROADCAST_QUIET_HOURS's documented default, for services built without configuration (tests, tools). */
export const DEFAULT_QUIET_HOURS = parseQuietHours('21:00-07:00');
