-- The change marker (packages/db/src/changes.ts): a sequence that every committed write advances, so
-- that gateway processes sharing this database can tell whether what they cached is still current.
-- A sequence neither blocks nor makes concurrent writers conflict. Written by hand: Prisma does not
-- model sequences, functions or triggers, so the schema diff ignores them.
CREATE SEQUENCE IF NOT EXISTS "qxg_change_seq";

CREATE OR REPLACE FUNCTION "qxg_note_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('qxg_change_seq');
  RETURN NULL;
END
$$;

-- Every table of the schema but Prisma's migration history. A later migration that creates a table
-- must add the same trigger to it (a test in packages/db checks that every table has it).
DO $$
DECLARE t text;
BEGIN
  FOR t IN
    SELECT tablename FROM pg_tables
    WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'
  LOOP
    EXECUTE format(
      'CREATE TRIGGER "qxg_note_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION "qxg_note_change"()',
      t
    );
  END LOOP;
END
$$;
