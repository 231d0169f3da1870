import { readFileSync } from 'node:fs';
import { createDb } from '@qxg/db';
import { parsePlanDocument, qixingguan2020, qixingguanUnits } from '@qxg/disclosure-core';
import { describe, expect, it } from 'vitest';
import { bootstrap } from '../src/services/bootstrap';
import { loadPlan } from '../src/services/load-plan';
import { SEED_SOURCE_FILE } from '../src/services/seed';
import { TEST_ENGINES, useGateway } from './harness';

for (const engine of TEST_ENGINES) {
  describe.skipIf(engine.skipReason !== null)(`start-up and loading on ${engine.engine}`, () => {
    const gw = useGateway(engine);

    it('loads the seed once: units with aliases, plan, tasks, 31 items with parsed deadlines, assignments', async () => {
      const p = gw.db.prisma;
      expect(await p.plan.count()).toBe(1);
      expect(await p.workItem.count()).toBe(31);
      expect(await p.unitAlias.count()).toBeGreaterThan(10);
      const items = await p.workItem.findMany();
      expect(items.every((w) => typeof (w.deadline as { kind?: string }).kind === 'string')).toBe(true);
      expect(await p.assignment.count()).toBeGreaterThan(31);
      expect(await p.user.count({ where: { role: 'ADMIN' } })).toBe(1);
    });

    it("stores the shipped published text as the seed plan's source text, and it parses to the same 31 items", async () => {
      expect(SEED_SOURCE_FILE).toMatch(/apps[\\/]gateway[\\/]seed[\\/]qixingguan-2020-disclosure-plan\.txt$/);
      const shipped = readFileSync(SEED_SOURCE_FILE, 'utf8');
      const plan = await gw.db.prisma.plan.findUniqueOrThrow({ where: { id: qixingguan2020.id } });
      expect(plan.sourceText.length).toBeGreaterThan(1000);
      expect(plan.sourceText).toBe(shipped);
      // The core's tests read their own copy (packages/disclosure-core/data/): the two must not drift.
      const coreCopy = new URL(
        '../../../packages/disclosure-core/data/qixingguan-2020-disclosure-plan.txt',
        import.meta.url,
      );
      expect(readFileSync(coreCopy, 'utf8')).toBe(shipped);
      const parsed = parsePlanDocument(plan.sourceText, { registry: qixingguanUnits, id: qixingguan2020.id });
      expect(parsed.findings.filter((f) => f.severity === 'error')).toEqual([]);
      const items = parsed.plan!.categories.flatMap((c) => c.keyTasks.flatMap((t) => t.workItems));
      expect(items).toHaveLength(31);
      expect(await gw.db.prisma.workItem.count({ where: { keyTask: { planId: qixingguan2020.id } } })).toBe(
        31,
      );
    });

    it('is idempotent: a second start changes nothing and creates no second admin', async () => {
      const before = await gw.db.prisma.auditEntry.count();
      const again = await bootstrap(gw.db, gw.url, { seed: true });
      expect(again).toEqual({ migrationsApplied: [], seeded: false, admin: null });
      expect(await gw.db.prisma.auditEntry.count()).toBe(before);
      expect(await gw.db.prisma.workItem.count()).toBe(31);
    });

    it('leaves the database as it was when a load fails midway', async () => {
      const counts = async () => [
        await gw.db.prisma.plan.count(),
        await gw.db.prisma.workItem.count(),
        await gw.db.prisma.unit.count(),
        await gw.db.prisma.auditEntry.count(),
      ];
      const before = await counts();
      // The seed again under a new plan id and doc number: the plan row is written, then the
      // categories' ids collide with the seed's and the insert fails.
      const broken = {
        ...qixingguan2020,
        id: 'broken-2020' as typeof qixingguan2020.id,
        docNumber: 'broken',
      };
      await expect(
        gw.db.prisma.$transaction((tx) => loadPlan(tx, broken, { actorId: null })),
      ).rejects.toThrow();
      expect(await counts()).toEqual(before);
      expect(await gw.db.prisma.plan.findUnique({ where: { id: 'broken-2020' } })).toBeNull();
    });

    it('migrates a fresh database from the start command path (no seed when asked)', async () => {
      const scratch = await engine.createDatabase();
      const db = createDb({ url: scratch.url });
      try {
        const r = await bootstrap(db, scratch.url, { seed: false, adminPassword: 'x-password-1' });
        expect(r.migrationsApplied.length).toBeGreaterThan(0);
        expect(r.admin?.username).toBe('admin');
        expect(await db.prisma.plan.count()).toBe(0);
      } finally {
        await db.close();
        await scratch.drop();
      }
    });

    it('refuses a QXG_ADMIN_PASSWORD that breaks the password policy, creating no admin', async () => {
      const scratch = await engine.createDatabase();
      const db = createDb({ url: scratch.url });
      try {
        await expect(bootstrap(db, scratch.url, { seed: false, adminPassword: 'x' })).rejects.toThrow(
          /QXG_ADMIN_PASSWORD 不符合密码规则.*至少需要10个字符/,
        );
        expect(await db.prisma.user.count()).toBe(0);
      } finally {
        await db.close();
        await scratch.drop();
      }
    });
  });
}
