import type { ResidentServices } from '../../bot/features/residents/resident-services.js';
import type { Db } from '../../runtime/database.js';

/** Prisma-backed services for the resident features, on the turn's transaction. */
export function createResidentServices(_db: Db): ResidentServices {
  return {};
}
