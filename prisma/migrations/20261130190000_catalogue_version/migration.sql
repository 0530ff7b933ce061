-- A version number per rarely-changing catalogue (events, public information) that every
-- write to it changes. A conversation turn reads the numbers in the statement it already
-- makes (worker/inbound/turn-context.store.ts) and serves the catalogue from the process's
-- cache while the number it cached is still current (worker/store/catalogue-snapshot.ts):
-- no query and no staleness for the residents' most common questions.
--
-- Numbers come from a sequence, so they are never reused: a transaction that wrote an
-- event and then rolled back leaves a number nobody else will ever read, and a cache
-- filled inside that transaction is never taken for current.
CREATE SEQUENCE "catalogue_version_seq";

CREATE TABLE "catalogue_version" (
    "name" TEXT NOT NULL,
    "version" BIGINT NOT NULL,

    CONSTRAINT "catalogue_version_pkey" PRIMARY KEY ("name")
);

INSERT INTO "catalogue_version" ("name", "version") VALUES
  ('event', nextval('catalogue_version_seq')),
  ('public_info', nextval('catalogue_version_seq'));

-- Once per statement (not per row): a bulk import changes the number once.
CREATE FUNCTION dvk_bump_catalogue_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "catalogue_version" SET "version" = nextval('catalogue_version_seq') WHERE "name" = TG_ARGV[0];
  RETURN NULL;
END
$$;

CREATE TRIGGER "event_catalogue_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "event"
  FOR EACH STATEMENT EXECUTE FUNCTION dvk_bump_catalogue_version('event');
CREATE TRIGGER "public_info_catalogue_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "public_info"
  FOR EACH STATEMENT EXECUTE FUNCTION dvk_bump_catalogue_version('public_info');
