import type { BotServices } from '../../bot/services.js';
import type { Db } from '../../runtime/database.js';
import { createResidentServices } from './resident-services.js';
import { createCadreServices } from './cadre-services.js';
import { createLanguageService } from './language.store.js';

/** Builds the services features use, on one turn's transaction (`db` is the transaction client). */
export function createBotServices(db: Db): BotServices {
  return { ...createResidentServices(db), ...createCadreServices(db), language: createLanguageService(db) };
}
