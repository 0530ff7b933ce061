/** `npm run db:seed`: loads the seed into DATABASE_URL (idempotent). */
import { loadConfig } from '../../runtime/config.js';
import { createPrismaClient } from '../../runtime/database.js';
import { runSeed } from './seed.js';

const config = loadConfig();
if (!config.databaseUrl) {
  console.error('DATABASE_URL is not set. `npm start` seeds the embedded database by itself; set DATABASE_URL to seed another one.');
  process.exit(1);
}
const prisma = createPrismaClient(config.databaseUrl);
try {
  const loaders = await runSeed(prisma);
  console.log(`Seed loaded: ${loaders.join(', ')}`);
} finally {
  await prisma.$disconnect();
}
