import type { Db } from '@qxg/db';

/** Inserts a synthetic plan: `categories × tasksPerCategory × itemsPerTask` work items, 2 assignments each. */
export async function insertGeneratedPlan(
  db: Db,
  options: { id: string; categories: number; tasksPerCategory: number; itemsPerTask: number },
): Promise<{ workItems: number }> {
  const units = (await db.prisma.unit.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map(
    (u) => u.id,
  );
  const { id } = options;
  const deadlines = [
    {
      text: '7月中旬前',
      deadline: {
        kind: 'by',
        text: '7月中旬前',
        phrase: '7月中旬前',
        dueOn: '2020-07-20',
        precision: 'xun',
        yearSource: 'planYear',
        reading: { zh: '', en: '' },
        flags: [],
      },
    },
    {
      text: '长期坚持',
      deadline: {
        kind: 'ongoing',
        text: '长期坚持',
        startsOn: '2020-06-04',
        startSource: 'issuedOn',
        reviewCadence: 'quarter',
        flags: [],
      },
    },
  ];
  await db.prisma.$transaction(
    async (tx) => {
      await tx.plan.create({
        data: {
          id,
          docNumber: `${id}号`,
          title: `generated plan ${id}`,
          issuer: 'test',
          issuedOn: '2020-06-04',
          year: 2020,
          recipients: '',
          publicity: 'PUBLIC',
          basisDocuments: [],
          sourceText: '',
        },
      });
      let taskNo = 0;
      for (let c = 1; c <= options.categories; c++) {
        const categoryId = `${id}/c${c}`;
        await tx.category.create({ data: { id: categoryId, planId: id, number: c, title: `category ${c}` } });
        for (let k = 0; k < options.tasksPerCategory; k++) {
          taskNo++;
          const keyTaskId = `${id}/t${taskNo}`;
          await tx.keyTask.create({
            data: {
              id: keyTaskId,
              planId: id,
              categoryId,
              number: taskNo,
              title: `task ${taskNo}`,
              body: '',
              bodyUnits: {},
              deadlinePhrases: [],
            },
          });
          const items = Array.from({ length: options.itemsPerTask }, (_, i) => {
            const d = deadlines[i % 2]!;
            return {
              id: `${keyTaskId}/i${i + 1}`,
              keyTaskId,
              order: i + 1,
              content: `work item ${taskNo}.${i + 1}`,
              deadlineText: d.text,
              deadline: d.deadline,
            };
          });
          await tx.workItem.createMany({ data: items });
          await tx.assignment.createMany({
            data: items.flatMap((item, i) => [
              { workItemId: item.id, unitId: units[i % units.length]!, role: 'LEAD' as const },
              { workItemId: item.id, unitId: units[(i + 7) % units.length]!, role: 'RESPONSIBLE' as const },
            ]),
          });
        }
      }
    },
    { timeout: 300_000 },
  );
  return { workItems: options.categories * options.tasksPerCategory * options.itemsPerTask };
}
