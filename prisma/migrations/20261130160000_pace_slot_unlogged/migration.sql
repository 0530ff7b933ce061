-- Written by hand (Prisma has no word for it; `npm run db:diff` stays empty): the pacer's slots
-- and recent 429s are scratch state, like the Redis twin's expiring keys. Unlogged, a
-- reservation writes no WAL, so its commit does not wait for a disk flush — on a loaded
-- machine that flush was a few milliseconds on every broadcast send. After a PostgreSQL
-- crash the tables come back empty: pacing restarts from "free", as it does when Redis restarts.
ALTER TABLE "pace_slot" SET UNLOGGED;
ALTER TABLE "pace_hit" SET UNLOGGED;
