import { type Db, migrateDatabase, Prisma, type QxgPrismaClient } from '@qxg/db';
import { qixingguan2020 } from '@qxg/disclosure-core';
import { defaultSchemeOf } from './assessment';
import { toJson, writeAudit } from './audit';
import { seedCalendar } from './calendar';
import { loadPlan } from './load-plan';
import { checkPasswordPolicy, generatePassword, hashPassword } from './passwords';
import { readSeedSourceText } from './seed';

export interface BootstrapResult {
  readonly migrationsApplied: readonly string[];
  readonly seeded: boolean;
  /** Set when the first admin was created now: print it once. */
  readonly admin: { readonly username: string; readonly password: string } | null;
}

type Tx = Parameters<Parameters<QxgPrismaClient['$transaction']>[0]>[0];

/** The key of the start-up lock (PostgreSQL advisory lock), distinct from Prisma's migration lock. */
const STARTUP_LOCK = 7_120_200_084;

/**
 * Runs one start-up step in a transaction that first takes the start-up lock, so two gateways
 * starting at once on an empty database do each step once: PostgreSQL waits on an advisory
 * transaction lock; SQLite takes its write lock at the first statement (a write that changes
 * nothing) and waits up to its busy timeout. A conflict that still gets through (a unique key, a
 * busy database, a timed-out wait) is retried: the step finds the work done and does nothing.
 */
async function exclusiveStep<T>(db: Db, step: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.prisma.$transaction(
        async (tx) => {
          if (db.engine === 'postgresql')
            await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${STARTUP_LOCK})`);
          else await tx.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET "logs" = "logs" WHERE 0 = 1`);
          return step(tx);
        },
        { timeout: 300_000, maxWait: 60_000 },
      );
    } catch (error) {
      if (attempt >= 8 || !isStartupConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}

function isStartupConflict(error: unknown): boolean {
  if (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    ['P2002', 'P2028', 'P2034', 'P1008'].includes(error.code)
  ) {
    return true;
  }
  const message = error instanceof Error ? error.message : String(error);
  return /SQLITE_BUSY|database is locked|timed out|Transaction already closed|deadlock/i.test(message);
}

/**
 * What `qxg serve` does before listening: applies pending migrations; on an empty database loads the
 * seed plan (qixingguan2020 with its units); seeds the work calendar's missing years; creates the first ADMIN when there is none. Each step is
 * one transaction under the start-up lock and idempotent: running it again, or in two processes at
 * once, changes nothing the second time.
 */
export async function bootstrap(
  db: Db,
  url: string,
  options: { readonly seed?: boolean; readonly adminPassword?: string | undefined } = {},
): Promise<BootstrapResult> {
  const migrated = await migrateDatabase({ url });
  // The work calendar, with or without the seed plan: whatever the core embeds and the database lacks.
  await exclusiveStep(db, seedCalendar);
  let seeded = false;
  if (options.seed !== false) {
    seeded = await exclusiveStep(db, async (tx) => {
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
    });
  }
  const admin = await exclusiveStep(db, async (tx) => {
    if ((await tx.user.count({ where: { role: 'ADMIN' } })) > 0) return null;
    const username = (await tx.user.findUnique({ where: { username: 'admin' } })) ? 'office-admin' : 'admin';
    const password = options.adminPassword ?? generatePassword();
    const problems = checkPasswordPolicy(password, username);
    if (problems.length > 0) {
      throw new Error(
        `QXG_ADMIN_PASSWORD 不符合密码规则 does not meet the password policy: ${problems
          .map((p) => `${p.message.zh} ${p.message.en}`)
          .join(' ')}`,
      );
    }
    const user = await tx.user.create({
      // A generated (printed) password is a one-time password; one given by QXG_ADMIN_PASSWORD is not.
      data: {
        username,
        role: 'ADMIN',
        passwordHash: await hashPassword(password),
        mustChangePassword: options.adminPassword === undefined,
      },
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
