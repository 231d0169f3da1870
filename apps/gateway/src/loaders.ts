import type * as Row from '@qxg/db';
import type { QxgPrismaClient } from '@qxg/db';
import DataLoader from 'dataloader';
import { EVERYTHING, type VisibleWhere } from './visibility';

/**
 * Per-request batch loaders: every relation the schema resolves goes through one of these, so a
 * query costs one SQL statement per level of nesting, whatever the number of rows (no N+1).
 */
export interface Loaders {
  readonly plan: DataLoader<string, Row.Plan | null>;
  readonly category: DataLoader<string, Row.Category | null>;
  readonly keyTask: DataLoader<string, Row.KeyTask | null>;
  readonly workItem: DataLoader<string, Row.WorkItem | null>;
  readonly assignment: DataLoader<string, Row.Assignment | null>;
  readonly unit: DataLoader<string, Row.Unit | null>;
  readonly user: DataLoader<string, Row.User | null>;
  readonly report: DataLoader<string, Row.ProgressReport | null>;
  readonly scheme: DataLoader<string, Row.AssessmentScheme | null>;
  readonly run: DataLoader<string, Row.AssessmentRun | null>;
  readonly event: DataLoader<string, Row.OutsideEvent | null>;
  readonly categoriesOfPlan: DataLoader<string, Row.Category[]>;
  readonly keyTasksOfPlan: DataLoader<string, Row.KeyTask[]>;
  readonly keyTasksOfCategory: DataLoader<string, Row.KeyTask[]>;
  readonly workItemsOfKeyTask: DataLoader<string, Row.WorkItem[]>;
  readonly assignmentsOfWorkItem: DataLoader<string, Row.Assignment[]>;
  readonly assignmentsOfUnit: DataLoader<string, Row.Assignment[]>;
  readonly reportsOfAssignment: DataLoader<string, Row.ProgressReport[]>;
  readonly evidenceOfReport: DataLoader<string, Row.Evidence[]>;
  readonly aliasesOfUnit: DataLoader<string, Row.UnitAlias[]>;
  readonly childrenOfUnit: DataLoader<string, Row.Unit[]>;
  readonly schemesOfPlan: DataLoader<string, Row.AssessmentScheme[]>;
  /** All recorded outside events (few: one query per request). */
  readonly allEvents: DataLoader<'all', Row.OutsideEvent[]>;
}

/**
 * Above this many keys a batch is not sent as `IN (…)` (SQLite caps bound parameters): children are
 * then read by their plan instead, still one statement, whatever the plan's size.
 */
export const MAX_IN_LIST = 300;

function byId<T extends { id: string }>(load: (ids: string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return new DataLoader(
    async (ids) => {
      const rows = await load([...ids]);
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => map.get(id) ?? null);
    },
    { maxBatchSize: MAX_IN_LIST },
  );
}

function present<T>(rows: readonly (T | null | Error)[]): T[] {
  return rows.filter((r): r is T => r !== null && !(r instanceof Error));
}

function grouped<T>(
  load: (keys: string[]) => Promise<T[]>,
  keyOf: (row: T) => string | null,
  prime?: (row: T) => void,
): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const rows = await load([...keys]);
    const map = new Map<string, T[]>();
    for (const row of rows) {
      prime?.(row);
      const key = keyOf(row);
      if (key === null) continue;
      const list = map.get(key);
      if (list) list.push(row);
      else map.set(key, [row]);
    }
    return keys.map((k) => map.get(k) ?? []);
  });
}

/**
 * `visible`: the visibility rule's filters for this request's viewer (./visibility.ts). Every query
 * of a plan-owned entity below adds its filter, so rows of plans the viewer may not see are never
 * loaded, by any path.
 */
export function createLoaders(prisma: QxgPrismaClient, visible: VisibleWhere = EVERYTHING): Loaders {
  const v = visible;
  const workItem = byId((ids) => prisma.workItem.findMany({ where: { id: { in: ids }, AND: [v.workItem] } }));
  const assignment = byId((ids) =>
    prisma.assignment.findMany({ where: { id: { in: ids }, AND: [v.assignment] } }),
  );
  const keyTask = byId((ids) => prisma.keyTask.findMany({ where: { id: { in: ids }, AND: [v.keyTask] } }));
  const unit = byId((ids) => prisma.unit.findMany({ where: { id: { in: ids } } }));
  const report = byId((ids) =>
    prisma.progressReport.findMany({ where: { id: { in: ids }, AND: [v.report] } }),
  );
  // The plans of parent rows (already in the loaders' caches when reached through a parent field).
  const plansOfKeyTasks = async (ids: readonly string[]) => [
    ...new Set(present(await keyTask.loadMany(ids)).map((t) => t.planId)),
  ];
  const plansOfWorkItems = async (ids: readonly string[]) =>
    plansOfKeyTasks([...new Set(present(await workItem.loadMany(ids)).map((w) => w.keyTaskId))]);
  const plansOfAssignments = async (ids: readonly string[]) =>
    plansOfWorkItems([...new Set(present(await assignment.loadMany(ids)).map((a) => a.workItemId))]);
  const plansOfReports = async (ids: readonly string[]) =>
    plansOfAssignments([...new Set(present(await report.loadMany(ids)).map((r) => r.assignmentId))]);
  return {
    plan: byId((ids) => prisma.plan.findMany({ where: { id: { in: ids }, AND: [v.plan] } })),
    category: byId((ids) => prisma.category.findMany({ where: { id: { in: ids }, AND: [v.category] } })),
    keyTask,
    workItem,
    assignment,
    unit,
    user: byId((ids) => prisma.user.findMany({ where: { id: { in: ids } } })),
    report,
    scheme: byId((ids) => prisma.assessmentScheme.findMany({ where: { id: { in: ids }, AND: [v.scheme] } })),
    run: byId((ids) => prisma.assessmentRun.findMany({ where: { id: { in: ids }, AND: [v.run] } })),
    event: byId((ids) => prisma.outsideEvent.findMany({ where: { id: { in: ids } } })),
    categoriesOfPlan: grouped(
      (ids) =>
        prisma.category.findMany({
          where: { planId: { in: ids }, AND: [v.category] },
          orderBy: { number: 'asc' },
        }),
      (c) => c.planId,
    ),
    keyTasksOfPlan: grouped(
      (ids) =>
        prisma.keyTask.findMany({
          where: { planId: { in: ids }, AND: [v.keyTask] },
          orderBy: { number: 'asc' },
        }),
      (t) => t.planId,
      (t) => keyTask.prime(t.id, t),
    ),
    keyTasksOfCategory: grouped(
      (ids) =>
        prisma.keyTask.findMany({
          where: { categoryId: { in: ids }, AND: [v.keyTask] },
          orderBy: { number: 'asc' },
        }),
      (t) => t.categoryId,
      (t) => keyTask.prime(t.id, t),
    ),
    workItemsOfKeyTask: grouped(
      async (ids) =>
        prisma.workItem.findMany({
          where: {
            AND: [
              v.workItem,
              ids.length <= MAX_IN_LIST
                ? { keyTaskId: { in: ids } }
                : { keyTask: { planId: { in: await plansOfKeyTasks(ids) } } },
            ],
          },
          orderBy: [{ keyTaskId: 'asc' }, { order: 'asc' }],
        }),
      (w) => w.keyTaskId,
      (w) => workItem.prime(w.id, w),
    ),
    assignmentsOfWorkItem: grouped(
      async (ids) =>
        prisma.assignment.findMany({
          where: {
            AND: [
              v.assignment,
              ids.length <= MAX_IN_LIST
                ? { workItemId: { in: ids } }
                : { workItem: { keyTask: { planId: { in: await plansOfWorkItems(ids) } } } },
            ],
          },
          orderBy: [{ role: 'asc' }, { unitId: 'asc' }],
        }),
      (a) => a.workItemId,
      (a) => assignment.prime(a.id, a),
    ),
    assignmentsOfUnit: grouped(
      (ids) =>
        prisma.assignment.findMany({
          where: { unitId: { in: ids }, AND: [v.assignment] },
          orderBy: { workItemId: 'asc' },
        }),
      (a) => a.unitId,
      (a) => assignment.prime(a.id, a),
    ),
    reportsOfAssignment: grouped(
      async (ids) =>
        prisma.progressReport.findMany({
          where: {
            AND: [
              v.report,
              ids.length <= MAX_IN_LIST
                ? { assignmentId: { in: ids } }
                : {
                    assignment: { workItem: { keyTask: { planId: { in: await plansOfAssignments(ids) } } } },
                  },
            ],
          },
          orderBy: [{ reportedOn: 'asc' }, { createdAt: 'asc' }],
        }),
      (r) => r.assignmentId,
      (r) => report.prime(r.id, r),
    ),
    evidenceOfReport: grouped(
      async (ids) =>
        prisma.evidence.findMany({
          where: {
            AND: [
              v.evidence,
              ids.length <= MAX_IN_LIST
                ? { reportId: { in: ids } }
                : {
                    report: {
                      assignment: { workItem: { keyTask: { planId: { in: await plansOfReports(ids) } } } },
                    },
                  },
            ],
          },
          orderBy: { createdAt: 'asc' },
        }),
      (e) => e.reportId,
    ),
    aliasesOfUnit: grouped(
      (ids) => prisma.unitAlias.findMany({ where: { unitId: { in: ids } }, orderBy: { alias: 'asc' } }),
      (a) => a.unitId,
    ),
    childrenOfUnit: grouped(
      (ids) => prisma.unit.findMany({ where: { parentId: { in: ids } }, orderBy: { id: 'asc' } }),
      (u) => u.parentId,
      (u) => unit.prime(u.id, u),
    ),
    schemesOfPlan: grouped(
      (ids) =>
        prisma.assessmentScheme.findMany({
          where: { planId: { in: ids }, AND: [v.scheme] },
          orderBy: { createdAt: 'asc' },
        }),
      (s) => s.planId,
    ),
    allEvents: new DataLoader(async (keys) => {
      const events = await prisma.outsideEvent.findMany({ orderBy: { occurredOn: 'asc' } });
      return keys.map(() => events);
    }),
  };
}

/** For Relay `loadMany`: a batch load with failures (and missing rows) as null. */
export async function loadNodes<T>(
  loader: DataLoader<string, T | null>,
  ids: readonly string[],
): Promise<(T | null)[]> {
  const rows = await loader.loadMany(ids);
  return rows.map((r) => (r instanceof Error ? null : r));
}
