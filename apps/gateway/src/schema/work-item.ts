import type { KeyTask } from '@qxg/db';
import { GraphQLError } from 'graphql';
import { builder, COSTS, MAX_PAGE } from '../builder';
import type { Context } from '../context';
import { calendarOf } from '../services/calendar';
import type { StoredDeadline } from '../services/load-plan';
import { loadPlanFacts } from '../services/plan-facts';
import { workItemDueOnVia, workItemStatusVia } from '../services/status-loaders';
import { AssignmentRoleEnum, asOfArg, page, StatusInfo } from './common';
import {
  AssignmentFilterInput,
  AssignmentOrderInput,
  filterAssignments,
  filterWorkItems,
  WorkItemFilterInput,
  WorkItemOrderInput,
} from './filters';
import { AssignmentConnection, AssignmentRef, KeyTaskRef, WorkItemConnection, WorkItemRef } from './refs';
import { rowNode } from './row-node';

builder.node(WorkItemRef, {
  description: 'One line of the decomposition table (任务分解表): what must be done, by when.',
  ...rowNode((l) => l.workItem),
  fields: (t) => ({
    order: t.exposeInt('order', { description: 'Position within the key task, from 1.' }),
    content: t.exposeString('content'),
    deadlineText: t.exposeString('deadlineText', { description: '完成时限 exactly as written.' }),
    deadline: t.field({
      type: 'JSON',
      description: 'The parsed deadline (a @qxg/disclosure-core `Deadline`, or `{kind: "unreadable"}`).',
      resolve: (w) => w.deadline,
    }),
    deadlineKind: t.string({
      description: 'by | ongoing | milestones | afterEvent | recurring | relative | unreadable',
      resolve: (w) => (w.deadline as unknown as StoredDeadline).kind,
    }),
    dueOn: t.string({
      nullable: true,
      description:
        'The last day the deadline allows (YYYY-MM-DD); null for standing duties or an event not yet recorded.',
      resolve: (w, _a, ctx) => workItemDueOnVia(ctx, w),
    }),
    status: t.field({
      type: StatusInfo,
      complexity: COSTS.status,
      description: 'Status as of `asOf` (default today in China), judged on the lead units’ reports.',
      args: { asOf: t.arg({ type: 'Date' }) },
      resolve: (w, args, ctx) => workItemStatusVia(ctx, w, asOfArg(args.asOf, ctx.today)),
    }),
    keyTask: t.field({
      type: KeyTaskRef,
      resolve: async (w, _a, ctx) => (await ctx.loaders.keyTask.load(w.keyTaskId)) as KeyTask,
    }),
    assignments: t.connection(
      {
        type: AssignmentRef,
        args: { role: t.arg({ type: AssignmentRoleEnum }) },
        resolve: async (w, args, ctx) => {
          const all = await ctx.loaders.assignmentsOfWorkItem.load(w.id);
          return page(args, args.role ? all.filter((a) => a.role === args.role) : all);
        },
      },
      AssignmentConnection,
    ),
  }),
});

export async function factsFor(ctx: Context, planId: string) {
  const plan = await ctx.loaders.plan.load(planId);
  // Null also when the viewer may not see it (the loaders' visibility rule).
  if (!plan) {
    throw new GraphQLError(`No plan ${planId}`, { extensions: { code: 'NOT_FOUND' } });
  }
  const facts = await loadPlanFacts(ctx.prisma, planId, await calendarOf(ctx), ctx.loaders);
  if (!facts) throw new GraphQLError(`No plan ${planId}`, { extensions: { code: 'NOT_FOUND' } });
  return facts;
}

/** A whole-plan list: its fixed cost, times the page size asked for. */
function planListCost(args: { first?: number | null | undefined; last?: number | null | undefined }) {
  return { field: COSTS.planList, multiplier: args.first ?? args.last ?? MAX_PAGE };
}

builder.queryFields((t) => {
  // A whole-plan list's arguments: the plan, the day its statuses are as of, a filter, an order.
  type ArgType = Parameters<typeof t.arg>[0]['type'];
  const planListArgs = <F extends ArgType, O extends ArgType>(filter: F, orderBy: O) => ({
    planId: t.arg.string({ required: true }),
    asOf: t.arg({ type: 'Date' }),
    filter: t.arg({ type: filter }),
    orderBy: t.arg({ type: orderBy }),
  });
  return {
    workItems: t.connection(
      {
        type: WorkItemRef,
        description: 'A plan’s work items, filtered and ordered (statuses as of `asOf`).',
        complexity: planListCost,
        args: planListArgs(WorkItemFilterInput, WorkItemOrderInput),
        resolve: async (_r, args, ctx) =>
          page(args, filterWorkItems(await factsFor(ctx, args.planId), args, asOfArg(args.asOf, ctx.today))),
      },
      WorkItemConnection,
    ),
    assignments: t.connection(
      {
        type: AssignmentRef,
        description: 'A plan’s assignments (one per unit and role on a work item), filtered and ordered.',
        complexity: planListCost,
        args: planListArgs(AssignmentFilterInput, AssignmentOrderInput),
        resolve: async (_r, args, ctx) =>
          page(
            args,
            filterAssignments(await factsFor(ctx, args.planId), args, asOfArg(args.asOf, ctx.today)),
          ),
      },
      AssignmentConnection,
    ),
  };
});
