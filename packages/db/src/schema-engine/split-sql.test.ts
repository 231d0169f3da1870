import { describe, expect, it } from 'vitest';
import { splitSqlStatements } from './split-sql';

describe('splitSqlStatements', () => {
  it('splits on top-level semicolons and drops empty and comment-only statements', () => {
    expect(splitSqlStatements('-- CreateTable\nCREATE TABLE "a" ("x" TEXT);\n\n;-- trailing\n')).toEqual([
      '-- CreateTable\nCREATE TABLE "a" ("x" TEXT)',
    ]);
  });

  it('keeps semicolons inside strings, quoted identifiers and comments', () => {
    const script = `INSERT INTO "a;b" VALUES ('x;y', 'it''s;'); /* c; d */ SELECT 1; -- e; f\nSELECT 2`;
    expect(splitSqlStatements(script)).toEqual([
      `INSERT INTO "a;b" VALUES ('x;y', 'it''s;')`,
      '/* c; d */ SELECT 1',
      '-- e; f\nSELECT 2',
    ]);
  });

  it('keeps a SQLite trigger body, CASE included, in one statement', () => {
    const trigger =
      'CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE a SET x = CASE WHEN 1 THEN 2 END; DELETE FROM b; END';
    expect(splitSqlStatements(`${trigger};\nSELECT 1;`)).toEqual([trigger, 'SELECT 1']);
  });

  it('keeps a PostgreSQL dollar-quoted body in one statement', () => {
    const fn = 'CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql';
    expect(splitSqlStatements(`${fn}; SELECT 2`)).toEqual([fn, 'SELECT 2']);
  });

  it('splits the committed migrations into their statements', () => {
    expect(splitSqlStatements('CREATE TABLE "a" ("x" TEXT);\nCREATE INDEX "i" ON "a"("x");')).toHaveLength(2);
  });
});
