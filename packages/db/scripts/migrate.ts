// `pnpm --filter @qxg/db migrate`: applies pending committed migrations to DATABASE_URL
// (default file:./data/qxg.db, relative to the working directory). The gateway does the same at start.
import { readDbEnv } from '../src/env';
import { migrateDatabase } from '../src/migrate/runner';
import { redactUrl } from '../src/schema/engine';

const { databaseUrl } = readDbEnv();
try {
  const result = await migrateDatabase({
    url: databaseUrl,
    onApplied: (name) => console.log(`applied ${name}`),
  });
  console.log(
    `${redactUrl(databaseUrl)} (${result.engine}): ${result.applied.length} applied, ` +
      `${result.alreadyApplied.length} already applied`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
