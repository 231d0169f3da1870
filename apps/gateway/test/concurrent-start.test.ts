import { createDb } from '@qxg/db';
import { describe, expect, it } from 'vitest';
import { bootstrap } from '../src/services/bootstrap';
import { TEST_ENGINES } from './harness';

for (const engine of TEST_ENGINES) {
  describe.skipIf(engine.skipReason !== null)(`two first starts at once on ${engine.engine}`, () => {
    it('both succeed: migrations, the seed plan and the first admin happen once', async () => {
      const scratch = await engine.createDatabase();
      const dbs = [createDb({ url: scratch.url }), createDb({ url: scratch.url })];
      try {
        const results = await Promise.all(
          dbs.map((db) => bootstrap(db, scratch.url, { adminPassword: 'correct horse battery staple' })),
        );
        expect(results.filter((r) => r.seeded)).toHaveLength(1);
        expect(results.filter((r) => r.admin !== null)).toHaveLength(1);
        const [first] = dbs as [ReturnType<typeof createDb>];
        expect(await first.prisma.plan.count()).toBe(1);
        expect(await first.prisma.user.count({ where: { role: 'ADMIN' } })).toBe(1);
        expect(await first.prisma.assessmentScheme.count()).toBe(1);
      } finally {
        for (const db of dbs) await db.close();
        await scratch.drop();
      }
    }, 180_000);
  });
}
