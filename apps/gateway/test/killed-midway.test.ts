import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TEST_ENGINES, useGateway } from './harness';

const tsx = createRequire(import.meta.url).resolve('tsx');
const script = fileURLToPath(new URL('./fixtures/killed-midway.ts', import.meta.url));

for (const engine of TEST_ENGINES) {
  describe.skipIf(engine.skipReason !== null)(`a process killed midway on ${engine.engine}`, () => {
    const gw = useGateway(engine);

    it('leaves the database as it was (the open transaction is never committed)', async () => {
      const counts = async () => [
        await gw.db.prisma.plan.count(),
        await gw.db.prisma.workItem.count(),
        await gw.db.prisma.auditEntry.count(),
      ];
      const before = await counts();
      const child = spawnSync(
        process.execPath,
        ['--conditions=@qxg/source', '--import', tsx, script, gw.url],
        {
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      expect(child.signal).toBe('SIGKILL');
      expect(child.stdout).toContain('inside');
      expect(await counts()).toEqual(before);
      expect(await gw.db.prisma.plan.findUnique({ where: { id: 'killed-2020' } })).toBeNull();
    });
  });
}
