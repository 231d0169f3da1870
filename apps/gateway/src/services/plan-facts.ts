import type {
  Assignment,
  Category,
  KeyTask,
  OutsideEvent,
  Plan,
  ProgressReport,
  QxgPrismaClient,
  Unit,
  WorkItem,
} from '@qxg/db';
import type { RecordedEvent, WorkCalendar } from '@qxg/disclosure-core';
import type { Loaders } from '../loaders';
import type { StoredDeadline } from './load-plan';
import { standingReports, toDeadlineReport } from './reports';
import { rollUpItem } from './roll-up';
import { dueOnOf, type StatusView, statusOf } from './status';

/**
 * Everything about one plan that statuses, filters and summaries need, read with a fixed number of
 * statements (one per table) whatever the plan's size.
 */
export interface PlanFacts {
  readonly plan: Plan;
  readonly categories: readonly Category[];
  readonly keyTasks: readonly KeyTask[];
  readonly workItems: readonly WorkItem[];
  readonly assignments: readonly Assignment[];
  readonly units: ReadonlyMap<string, Unit>;
  readonly aliases: ReadonlyMap<string, readonly string[]>;
  /**
   * Every stored report per assignment, corrections included, oldest first: which of them stand as
   * of a day is the core's decision (`reportsAsOf`, see ./reports.ts).
   */
  readonly reports: ReadonlyMap<string, readonly ProgressReport[]>;
  readonly events: readonly RecordedEvent[];
  readonly keyTaskById: ReadonlyMap<string, KeyTask>;
  readonly workItemById: ReadonlyMap<string, WorkItem>;
  readonly assignmentsByItem: ReadonlyMap<string, readonly Assignment[]>;
  /** The work calendar the statuses are computed with (the database's: ./calendar.ts). */
  readonly calendar: WorkCalendar;
}

export function recordedEvents(events: readonly OutsideEvent[]): RecordedEvent[] {
  return events.map((e) => ({ key: e.eventKey, occurredOn: e.occurredOn }));
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

export async function loadPlanFacts(
  prisma: QxgPrismaClient,
  planId: string,
  calendar: WorkCalendar,
  loaders?: Loaders,
): Promise<PlanFacts | null> {
  const inPlan = { keyTask: { planId } };
  const [plan, categories, keyTasks, workItems, assignments, units, aliases, reports, events] =
    await Promise.all([
      prisma.plan.findUnique({ where: { id: planId } }),
      prisma.category.findMany({ where: { planId }, orderBy: { number: 'asc' } }),
      prisma.keyTask.findMany({ where: { planId }, orderBy: { number: 'asc' } }),
      prisma.workItem.findMany({ where: inPlan, orderBy: [{ keyTaskId: 'asc' }, { order: 'asc' }] }),
      prisma.assignment.findMany({
        where: { workItem: inPlan },
        orderBy: [{ role: 'asc' }, { unitId: 'asc' }],
      }),
      prisma.unit.findMany(),
      prisma.unitAlias.findMany(),
      prisma.progressReport.findMany({
        where: { assignment: { workItem: inPlan } },
        orderBy: [{ reportedOn: 'asc' }, { createdAt: 'asc' }],
      }),
      prisma.outsideEvent.findMany({ orderBy: { occurredOn: 'asc' } }),
    ]);
  if (!plan) return null;
  const taskNumber = new Map(keyTasks.map((t) => [t.id, t.number]));
  // Plan order: key task number, then position.
  workItems.sort(
    (a, b) => (taskNumber.get(a.keyTaskId) ?? 0) - (taskNumber.get(b.keyTaskId) ?? 0) || a.order - b.order,
  );
  const reportsByAssignment: Map<string, ProgressReport[]> = groupBy(reports, (r) => r.assignmentId);
  const facts: PlanFacts = {
    plan,
    categories,
    keyTasks,
    workItems,
    assignments,
    units: new Map(units.map((u) => [u.id, u])),
    aliases: new Map([...groupBy(aliases, (a) => a.unitId)].map(([k, v]) => [k, v.map((a) => a.alias)])),
    reports: reportsByAssignment,
    events: recordedEvents(events),
    keyTaskById: new Map(keyTasks.map((t) => [t.id, t])),
    workItemById: new Map(workItems.map((w) => [w.id, w])),
    assignmentsByItem: groupBy(assignments, (a) => a.workItemId),
    calendar,
  };
  if (loaders) {
    // Nested fields of the rows returned from here then cost no further statements.
    for (const w of workItems) loaders.workItem.prime(w.id, w);
    for (const t of keyTasks) loaders.keyTask.prime(t.id, t);
    for (const u of units) loaders.unit.prime(u.id, u);
    for (const a of assignments) {
      loaders.assignment.prime(a.id, a);
      loaders.reportsOfAssignment.prime(a.id, reportsByAssignment.get(a.id) ?? []);
    }
    for (const [itemId, list] of facts.assignmentsByItem)
      loaders.assignmentsOfWorkItem.prime(itemId, [...list]);
    loaders.allEvents.prime('all', events);
  }
  return facts;
}

export function assignmentStatus(facts: PlanFacts, a: Assignment, asOf: string): StatusView {
  const item = facts.workItemById.get(a.workItemId);
  if (!item) throw new Error(`assignment ${a.id} has no work item in the plan`);
  return statusOf(
    item.deadline as unknown as StoredDeadline,
    standingReports(facts.reports.get(a.id) ?? [], asOf).map(toDeadlineReport),
    facts.events,
    asOf,
    facts.calendar,
  );
}

/** A work item's status: the core's roll-up of its assignments' statuses (see roll-up.ts). */
export function workItemStatus(facts: PlanFacts, item: WorkItem, asOf: string): StatusView {
  const duties = (facts.assignmentsByItem.get(item.id) ?? []).map((a) => ({
    assignment: a,
    status: assignmentStatus(facts, a, asOf),
    reports: standingReports(facts.reports.get(a.id) ?? [], asOf),
  }));
  return rollUpItem(
    item.id,
    item.deadline as unknown as StoredDeadline,
    duties,
    facts.events,
    asOf,
    facts.calendar,
  );
}

export function workItemDueOn(facts: PlanFacts, item: WorkItem): string | null {
  return dueOnOf(item.deadline as unknown as StoredDeadline, facts.events, facts.calendar);
}
