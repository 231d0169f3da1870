import type { Assignment, WorkItem } from '@qxg/db';
import type { Context } from '../context';
import type { StoredDeadline } from './load-plan';
import { recordedEvents, reportsInForce } from './plan-facts';
import { dueOnOf, type StatusView, statusOf, toDeadlineReport } from './status';

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

export async function assignmentStatusVia(ctx: Context, a: Assignment, asOf: string): Promise<StatusView> {
  const [deadline, reports, evts] = await Promise.all([
    deadlineOf(ctx, a.workItemId),
    ctx.loaders.reportsOfAssignment.load(a.id),
    events(ctx),
  ]);
  return statusOf(deadline, reportsInForce(reports).map(toDeadlineReport), evts, asOf);
}

export async function workItemStatusVia(ctx: Context, item: WorkItem, asOf: string): Promise<StatusView> {
  const all = await ctx.loaders.assignmentsOfWorkItem.load(item.id);
  const leads = all.filter((a) => a.role === 'LEAD');
  const answering = leads.length > 0 ? leads : all;
  const [reportLists, evts] = await Promise.all([
    Promise.all(answering.map((a) => ctx.loaders.reportsOfAssignment.load(a.id))),
    events(ctx),
  ]);
  const reports = reportLists.flatMap((list) => reportsInForce(list)).map(toDeadlineReport);
  return statusOf(item.deadline as unknown as StoredDeadline, reports, evts, asOf);
}

export async function workItemDueOnVia(ctx: Context, item: WorkItem): Promise<string | null> {
  return dueOnOf(item.deadline as unknown as StoredDeadline, await events(ctx));
}
