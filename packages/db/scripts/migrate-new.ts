// `pnpm --filter @qxg/db migrate:new <name> [--engine sqlite|postgresql]`
//
// Writes prisma/migrations/<engine>/<timestamp>_<name>/migration.sql for each engine whose committed
// migrations differ from prisma/schema.prisma. Offline: @prisma/schema-engine-wasm through the driver
// adapters, the SQLite shadow database in memory, the PostgreSQL one a throwaway database on the
// scratch server (QXG_SCRATCH_POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432/postgres).
import { parseArgs } from 'node:util';
import { readDbEnv } from '../src/env';
import { ENGINES, type Engine } from '../src/schema/engine';
import { migrationFolderName, writeNewMigration } from '../src/schema-engine/new-migration';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { engine: { type: 'string' } },
});
const name = positionals[0];
if (!name) {
  console.error('usage: pnpm --filter @qxg/db migrate:new <name> [--engine sqlite|postgresql]');
  process.exit(2);
}
const engines: readonly Engine[] =
  values.engine === undefined ? ENGINES : ENGINES.filter((engine) => engine === values.engine);
if (engines.length === 0) {
  console.error(`Unknown engine '${values.engine}': expected sqlite or postgresql`);
  process.exit(2);
}

const folderName = migrationFolderName(name, new Date());
const env = readDbEnv();
let failed = false;
for (const engine of engines) {
  const url = engine === 'sqlite' ? 'file::memory:' : env.scratchPostgresUrl;
  try {
    const result = await writeNewMigration({ engine, folderName, url });
    console.log(
      result.kind === 'written'
        ? `${engine}: wrote ${result.path}`
        : `${engine}: migrations already match prisma/schema.prisma, nothing written`,
    );
  } catch (error) {
    failed = true;
    console.error(`${engine}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
process.exit(failed ? 1 : 0);
