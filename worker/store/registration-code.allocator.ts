import { formatRegistrationCode } from '../../bot/domain/registration-code.js';
import type { Db } from '../../runtime/database.js';

/**
 * Next registration code for (year, unit short code). One INSERT … ON CONFLICT DO
 * UPDATE … RETURNING statement: PostgreSQL row-locks the counter, so concurrent
 * submissions serialise on it and never see the same number. Inside a transaction
 * the lock is held until commit, and a rollback gives the number back.
 */
export async function allocateRegistrationCode(db: Db, year: number, unitShortCode: string): Promise<string> {
  const rows = await db.$queryRaw<{ last_sequence: number }[]>`
    INSERT INTO "registration_code_counter" ("year", "unit_short_code", "last_sequence")
    VALUES (${year}, ${unitShortCode}, 1)
    ON CONFLICT ("year", "unit_short_code")
    DO UPDATE SET "last_sequence" = "registration_code_counter"."last_sequence" + 1
    RETURNING "last_sequence"`;
  const sequence = rows[0]?.last_sequence;
  if (sequence === undefined) throw new Error('registration code counter returned no row');
  return formatRegistrationCode({ year, unitShortCode, sequence: Number(sequence) });
}

/** Moves a counter up to at least `sequence` (seeding historical codes); never down. */
export async function reserveRegistrationSequence(db: Db, year: number, unitShortCode: string, sequence: number): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "registration_code_counter" ("year", "unit_short_code", "last_sequence")
    VALUES (${year}, ${unitShortCode}, ${sequence})
    ON CONFLICT ("year", "unit_short_code")
    DO UPDATE SET "last_sequence" = GREATEST("registration_code_counter"."last_sequence", EXCLUDED."last_sequence")`;
}
