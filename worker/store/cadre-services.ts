import type { CadreServices } from '../../bot/features/cadre/cadre-services.js';
import type { Db } from '../../runtime/database.js';

/** Prisma-backed services for the cadre and reviewer features, on the turn's transaction. */
export function createCadreServices(_db: Db): CadreServices {
  return {};
}
