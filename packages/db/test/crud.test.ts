import { describe, expect, it } from 'vitest';
import { createDb } from '../src/client';
import { Prisma } from '../src/generated/sqlite/client';
import { TEST_ENGINES } from './engines';
import { useMigratedDb } from './migrated-db';

for (const testEngine of TEST_ENGINES) {
  const { engine } = testEngine;

  describe.skipIf(testEngine.skipReason !== null)(`the client on ${engine}`, () => {
    const db = useMigratedDb(testEngine);

    it('picks the engine from the URL', () => {
      expect(db.engine).toBe(engine);
    });

    it('writes and reads a plan down to progress reports and evidence', async () => {
      const { prisma } = db;
      await prisma.unit.create({
        data: {
          id: 'qxg-agriculture',
          canonicalName: '区农业农村局',
          kind: 'DEPARTMENT',
          aliases: { create: [{ alias: '农业农村局' }, { alias: '区农业局' }] },
        },
      });
      await prisma.plan.create({
        data: {
          id: 'qixingguan2020',
          docNumber: '七星府办通〔2020〕84号',
          title: '毕节市七星关区2020年政务公开工作实施方案',
          issuer: '毕节市七星关区人民政府办公室',
          issuedOn: '2020-06-04',
          year: 2020,
          recipients: '各乡镇人民政府、街道办事处,区政府各工作部门、各直属机构',
          publicity: 'PUBLIC',
          basisDocuments: [{ title: '贵州省2020年政务公开工作要点', docNumber: '黔府办函〔2020〕23号' }],
          sourceText: '毕节市七星关区人民政府办公室关于印发…',
          categories: { create: [{ number: 1, title: '聚焦中心工作加大公开力度' }] },
        },
      });
      const category = await prisma.category.findFirstOrThrow({ where: { planId: 'qixingguan2020' } });
      // JSON values of every shape survive the round trip, numbers and strings included (SQLite keeps
      // JSON as text in a column of numeric affinity).
      const deadline = {
        kind: 'by',
        date: '2020-07-20',
        text: '7月中旬前',
        weights: [1, 2.5],
        ok: true,
        none: null,
      };
      const item = await prisma.workItem.create({
        data: {
          order: 1,
          content: '围绕经济高质量发展推进公开',
          deadlineText: '7月中旬前',
          deadline,
          keyTask: {
            create: {
              planId: 'qixingguan2020',
              categoryId: category.id,
              number: 1,
              title: '围绕经济高质量发展推进公开',
              body: '大力推进十二个农业特色优势产业…',
              bodyUnits: ['区农业农村局'],
              deadlinePhrases: 42,
            },
          },
          assignments: { create: [{ unitId: 'qxg-agriculture', role: 'LEAD' }] },
        },
        include: { assignments: true, keyTask: true },
      });
      expect(item.deadline).toEqual(deadline);
      expect(item.keyTask.deadlinePhrases).toBe(42);
      const assignment = item.assignments[0];
      if (!assignment) throw new Error('no assignment');
      expect(assignment).toMatchObject({ role: 'LEAD', version: 0, expandedFrom: null });

      const first = await prisma.progressReport.create({
        data: {
          assignmentId: assignment.id,
          reportedOn: '2020-07-01',
          state: 'PARTIAL',
          percent: 50,
          evidence: {
            create: [
              {
                url: 'https://www.bjqixingguan.gov.cn/x',
                siteColumn: '政府信息公开',
                publishedOn: '2020-06-30',
              },
            ],
          },
        },
      });
      const correction = await prisma.progressReport.create({
        data: {
          assignmentId: assignment.id,
          reportedOn: '2020-07-02',
          state: 'DONE',
          percent: 100,
          supersedesId: first.id,
        },
      });

      const read = await prisma.assignment.findUniqueOrThrow({
        where: { id: assignment.id },
        include: {
          unit: { include: { aliases: { orderBy: { alias: 'asc' } } } },
          progressReports: {
            orderBy: { reportedOn: 'asc' },
            include: { evidence: true, supersededBy: true },
          },
        },
      });
      expect(read.unit.aliases.map((a) => a.alias)).toEqual(['农业农村局', '区农业局'].sort());
      expect(read.progressReports.map((r) => [r.state, r.supersededBy?.id ?? null])).toEqual([
        ['PARTIAL', correction.id],
        ['DONE', null],
      ]);
      expect(read.progressReports[0]?.evidence[0]?.siteColumn).toBe('政府信息公开');
    });

    it('detects a write on a stale assignment version', async () => {
      const { prisma } = db;
      const assignment = await prisma.assignment.findFirstOrThrow();
      const bump = (expected: number) =>
        prisma.assignment.updateMany({
          where: { id: assignment.id, version: expected },
          data: { version: { increment: 1 } },
        });
      expect((await bump(assignment.version)).count).toBe(1);
      expect((await bump(assignment.version)).count).toBe(0);
    });

    it('reports a unique violation as P2002', async () => {
      const error = await db.prisma.unitAlias
        .create({ data: { alias: '区农业局', unitId: 'qxg-agriculture' } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
      expect((error as Prisma.PrismaClientKnownRequestError).code).toBe('P2002');
    });

    it('enforces foreign keys', async () => {
      await expect(
        db.prisma.unitAlias.create({ data: { alias: '无此单位', unitId: 'no-such-unit' } }),
      ).rejects.toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    });

    it('rolls a failed transaction back entirely', async () => {
      const { prisma } = db;
      const before = await prisma.auditEntry.count();
      await expect(
        prisma.$transaction(async (tx) => {
          await tx.unit.create({
            data: { id: 'qxg-rollback', canonicalName: '回滚测试局', kind: 'DEPARTMENT' },
          });
          await tx.auditEntry.create({
            data: {
              action: 'upsertUnit',
              entityType: 'Unit',
              entityId: 'qxg-rollback',
              after: { id: 'qxg-rollback' },
            },
          });
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(await prisma.unit.findUnique({ where: { id: 'qxg-rollback' } })).toBeNull();
      expect(await prisma.auditEntry.count()).toBe(before);
    });

    it('reports every SQL statement to onQuery', async () => {
      const statements: string[] = [];
      const counted = createDb({ url: db.url, onQuery: (e) => statements.push(e.sql) });
      try {
        await counted.prisma.plan.findMany({ include: { categories: { include: { keyTasks: true } } } });
        expect(statements.length).toBeGreaterThan(0);
        expect(statements.join('\n')).toMatch(/plans/);
      } finally {
        await counted.close();
      }
    });

    it('commits a successful transaction', async () => {
      const { prisma } = db;
      await prisma.$transaction(async (tx) => {
        const user = await tx.user.create({
          data: { username: 'office', passwordHash: 'scrypt$test', role: 'ADMIN' },
        });
        await tx.auditEntry.create({
          data: {
            actorId: user.id,
            action: 'addUser',
            entityType: 'User',
            entityId: user.id,
            before: Prisma.DbNull,
          },
        });
      });
      const entry = await prisma.auditEntry.findFirstOrThrow({
        where: { action: 'addUser' },
        include: { actor: true },
      });
      expect(entry.actor?.username).toBe('office');
      expect(entry.before).toBeNull();
      expect(entry.at).toBeInstanceOf(Date);
    });
  });
}
