import type { BotServices } from '../../bot/services.js';
import type { Db } from '../../runtime/database.js';
import { createResidentServices } from './resident-services.js';
import { createCadreServices } from './cadre-services.js';
import { createStaffReportServices, type StaffReportServicesOptions } from './staff-report-services.js';

/**
 * Builds the services features use, on one turn's transaction (`db` is the transaction client).
 * `staffReports` (exports and statistics by chat) needs the translator and the public base URL.
 */
export function createBotServices(db: Db, options?: StaffReportServicesOptions): BotServices {
  return { ...createResidentServices(db), ...createCadreServices(db), ...(options ? createStaffReportServices(db, options) : {}) };
}
