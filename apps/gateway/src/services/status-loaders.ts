import type { Assignment, WorkItem } from '@qxg/db';
import type { Context } from '../context';
import { calendarOf } from './calendar';
import type { StoredDeadline } from './load-plan';
import { recordedEvents } from './plan-facts';
import { standingReports, toDeadlineReport } from './reports';
import { rollUpItem } from './roll-up';
import { dueOnOf, type StatusView, statusOf } from './status';

// The same computations as plan-facts.ts, for rows reached through nested fields: everything is read
// through the request's batch loaders.

async function events(ctx: Context) {
  return recordedEvents(await ctx.loaders.allEvents.load('all'));
}

async function deadlineOf(ctx: Context, workItemId: string): Promise<StoredDeadline> {
  const item = await ctx.loaders.workItem.load(workItemId);
  if (!item) throw new Error(`work item ${workItemId} not found`);
  return item.deadline as unknown as StoredDeadline;
}

// One computation per assignment and day per request: a work item's roll-up and the assignment's own
// `status` field ask for the same status.
const memo = new WeakMap<Context, Map<string, Promise<StatusView>>>();

export function assignmentStatusVia(ctx: Context, a: Assignment, asOf: string): Promise<StatusView> {
  let byKey = memo.get(ctx);
  if (!byKey) {
    byKey = new Map();
    memo.set(ctx, byKey);
  }
  const key = `${a.id}|${asOf}`;
  let status = byKey.get(key);
  if (!status) {
    status = computeAssignmentStatus(ctx, a, asOf);
    byKey.set(key, status);
  }
  return status;
}

async function computeAssignmentStatus(ctx: Context, a: Assignment, asOf: string): Promise<StatusView> {
  const [deadline, reports, evts, calendar] = await Promise.all([
    deadlineOf(ctx, a.workItemId),
    ctx.loaders.reportsOfAssignment.load(a.id),
    events(ctx),
    calendarOf(ctx),
  ]);
  return statusOf(deadline, standingReports(reports, asOf).map(toDeadlineReport), evts, asOf, calendar);
}

export async function workItemStatusVia(ctx: Context, item: WorkItem, asOf: string): Promise<StatusView> {
  const assignments = await ctx.loaders.assignmentsOfWorkItem.load(item.id);
  const [duties, evts, calendar] = await Promise.all([
    Promise.all(
      assignments.map(async (a) => ({
        assignment: a,
        status: await assignmentStatusVia(ctx, a, asOf),
        reports: standingReports(await ctx.loaders.reportsOfAssignment.load(a.id), asOf),
      })),
    ),
    events(ctx),
    calendarOf(ctx),
  ]);
  return rollUpItem(item.id, item.deadline as unknown as StoredDeadline, duties, evts, asOf, calendar);
}

export async function workItemDueOnVia(ctx: Context, item: WorkItem): Promise<string | null> {
  const [evts, calendar] = await Promise.all([events(ctx), calendarOf(ctx)]);
  return dueOnOf(item.deadline as unknown as StoredDeadline, evts, calendar);
}
