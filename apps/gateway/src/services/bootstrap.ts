import { type Db, migrateDatabase } from '@qxg/db';
import { qixingguan2020 } from '@qxg/disclosure-core';
import { defaultSchemeOf } from './assessment';
import { toJson, writeAudit } from './audit';
import { loadPlan } from './load-plan';
import { generatePassword, hashPassword } from './passwords';
import { readSeedSourceText } from './seed';

export interface BootstrapResult {
  readonly migrationsApplied: readonly string[];
  readonly seeded: boolean;
  /** Set when the first admin was created now: print it once. */
  readonly admin: { readonly username: string; readonly password: string } | null;
}

/**
 * What `qxg serve` does before listening: applies pending migrations; on an empty database loads the
 * seed plan (qixingguan2020 with its units); creates the first ADMIN when there is none. Each step is
 * one transaction and idempotent: running it again changes nothing.
 */
export async function bootstrap(
  db: Db,
  url: string,
  options: { readonly seed?: boolean; readonly adminPassword?: string | undefined } = {},
): Promise<BootstrapResult> {
  const migrated = await migrateDatabase({ url });
  let seeded = false;
  if (options.seed !== false) {
    seeded = await db.prisma.$transaction(
      async (tx) => {
        // First run only: an empty database (no plan at all) gets the seed plan.
        if ((await tx.plan.count()) > 0) return false;
        await loadPlan(tx, qixingguan2020, { actorId: null, sourceText: readSeedSourceText() });
        const scheme = defaultSchemeOf(qixingguan2020.id);
        if (scheme) {
          const row = await tx.assessmentScheme.create({
            data: { planId: qixingguan2020.id, name: scheme.name, definition: toJson(scheme) },
          });
          await writeAudit(tx, {
            actorId: null,
            action: 'defineAssessmentScheme',
            entityType: 'AssessmentScheme',
            entityId: row.id,
            after: { name: row.name },
          });
        }
        return true;
      },
      { timeout: 120_000 },
    );
  }
  const admin = await db.prisma.$transaction(async (tx) => {
    if ((await tx.user.count({ where: { role: 'ADMIN' } })) > 0) return null;
    const username = (await tx.user.findUnique({ where: { username: 'admin' } })) ? 'office-admin' : 'admin';
    const password = options.adminPassword ?? generatePassword();
    const user = await tx.user.create({
      data: { username, role: 'ADMIN', passwordHash: await hashPassword(password) },
    });
    await writeAudit(tx, {
      actorId: null,
      action: 'createUser',
      entityType: 'User',
      entityId: user.id,
      after: { username, role: 'ADMIN' },
    });
    return { username, password };
  });
  return { migrationsApplied: migrated.applied.map(String), seeded, admin };
}
