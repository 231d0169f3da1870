import { parseArgs } from 'node:util';
import { createDb, migrateDatabase } from '@qxg/db';
import { readGatewayEnv } from '../../env';
import { UserErrors } from '../../schema/user-errors';
import { writeAudit } from '../../services/audit';
import { generatePassword } from '../../services/passwords';
import { createUserRow } from '../../services/users';
import type { CliCommand } from '../io';

const USAGE = 'usage: qxg user add <username> --role ADMIN|REPORTER|ANALYST [--unit <unit-id>]';

/** `qxg user add <username> --role … [--unit …]`: prints the one-time password. Returns the exit code. */
export const userAddCommand: CliCommand = async (argv, io) => {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { role: { type: 'string' }, unit: { type: 'string' }, username: { type: 'string' } },
    allowPositionals: true,
  });
  const username = values.username ?? positionals[0];
  const role = values.role?.toUpperCase();
  if (!username || (role !== 'ADMIN' && role !== 'REPORTER' && role !== 'ANALYST')) {
    io.stderr(`${USAGE}\n`);
    return 2;
  }
  const { databaseUrl } = readGatewayEnv();
  await migrateDatabase({ url: databaseUrl });
  const db = createDb({ url: databaseUrl });
  try {
    const password = generatePassword();
    const user = await db.prisma.$transaction(async (tx) => {
      const row = await createUserRow(tx, { username, role, unitId: values.unit ?? null, password });
      await writeAudit(tx, {
        actorId: null,
        action: 'createUser',
        entityType: 'User',
        entityId: row.id,
        after: { username: row.username, role: row.role, unitId: row.unitId, via: 'cli' },
      });
      return row;
    });
    io.stdout(`qxg: created ${user.role} ${user.username}${user.unitId ? ` for unit ${user.unitId}` : ''}\n`);
    io.stdout(`     one-time password 一次性密码: ${password}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UserErrors) {
      for (const e of error.errors) io.stderr(`qxg: ${e.code}: ${e.message.zh} / ${e.message.en}\n`);
      return 1;
    }
    throw error;
  } finally {
    await db.close();
  }
};
