// The only file of @qxg/db that reads process.env.

/** The database URL: `file:…` for the embedded SQLite default, `postgres(ql)://…` for PostgreSQL. */
export const DEFAULT_DATABASE_URL = 'file:./data/qxg.db';

/**
 * A PostgreSQL server where development tooling (migration generation, the test suite) may create and
 * drop throwaway databases; the database in the URL is used only to connect.
 */
export const DEFAULT_SCRATCH_POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface DbEnv {
  readonly databaseUrl: string;
  readonly scratchPostgresUrl: string;
  /** `QXG_REQUIRE_POSTGRES=1`: the test suite fails instead of skipping when that server is absent. */
  readonly requirePostgres: boolean;
}

/** Reads the package's environment variables, with their defaults. */
export function readDbEnv(env: NodeJS.ProcessEnv = process.env): DbEnv {
  return {
    databaseUrl: nonEmpty(env.DATABASE_URL) ?? DEFAULT_DATABASE_URL,
    scratchPostgresUrl: nonEmpty(env.QXG_SCRATCH_POSTGRES_URL) ?? DEFAULT_SCRATCH_POSTGRES_URL,
    requirePostgres: env.QXG_REQUIRE_POSTGRES === '1',
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
