import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../prisma/generated/client.js';

export type { PrismaClient };
/** A Prisma client or an interactive transaction client. */
export type Db = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

export interface DatabaseOptions {
  /** Pool size per process (default 10). */
  maxConnections?: number;
}

/** Prisma over node-postgres through the driver adapter (no native engine: works offline). */
export function createPrismaClient(databaseUrl: string, options: DatabaseOptions = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.maxConnections ?? 10 });
  return new PrismaClient({ adapter });
}
