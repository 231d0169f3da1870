import { migrateDatabase, redactUrl } from '@qxg/db';
import { readGatewayEnv } from '../../env';
import type { CliCommand } from '../io';

/** `qxg migrate`: applies pending migrations to DATABASE_URL (idempotent, each in a transaction). */
export const migrateCommand: CliCommand = async (_argv, io) => {
  const { databaseUrl } = readGatewayEnv();
  const result = await migrateDatabase({ url: databaseUrl });
  io.stdout(
    `qxg: ${redactUrl(databaseUrl)}: ${result.applied.length} migration(s) applied, ${result.alreadyApplied.length} already applied\n`,
  );
  return 0;
};
