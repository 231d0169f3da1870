import type { Unit, WorkItem } from '@qxg/db';
import { builder } from '../builder';
import { reportsInForce } from '../services/plan-facts';
import { assignmentStatusVia } from '../services/status-loaders';
import { AssignmentRoleEnum, asOfArg, page, StatusInfo } from './common';
import { AssignmentRef, ProgressReportConnection, ProgressReportRef, UnitRef, WorkItemRef } from './refs';

builder.node(AssignmentRef, {
  description: 'A unit’s duty on a work item, as lead (牵头单位) or responsible (责任单位) unit.',
  id: { resolve: (a) => a.id },
  loadMany: async (ids, ctx) => {
    const rows = await ctx.loaders.assignment.loadMany(ids);
    // Visibility follows the work item (and so the plan's publicity).
    const items = await ctx.loaders.workItem.loadMany(
      rows.map((r) => (r && !(r instanceof Error) ? r.workItemId : '')),
    );
    return rows.map((r, i) =>
      !r || r instanceof Error || !items[i] || items[i] instanceof Error ? null : r,
    );
  },
  fields: (t) => ({
    role: t.field({ type: AssignmentRoleEnum, resolve: (a) => a.role }),
    expandedFrom: t.string({
      nullable: true,
      description:
        'The collective phrase this duty was expanded from (各乡镇街道), null when named directly.',
      resolve: (a) => a.expandedFrom,
    }),
    version: t.exposeInt('version', {
      description: 'Optimistic concurrency: pass it back as `expectedVersion`.',
    }),
    unit: t.field({
      type: UnitRef,
      resolve: async (a, _x, ctx) => (await ctx.loaders.unit.load(a.unitId)) as Unit,
    }),
    workItem: t.field({
      type: WorkItemRef,
      resolve: async (a, _x, ctx) => (await ctx.loaders.workItem.load(a.workItemId)) as WorkItem,
    }),
    status: t.field({
      type: StatusInfo,
      description: 'Status as of `asOf` (default today in China), from this unit’s reports in force.',
      args: { asOf: t.arg({ type: 'Date' }) },
      resolve: (a, args, ctx) => assignmentStatusVia(ctx, a, asOfArg(args.asOf, ctx.today)),
    }),
    latestReport: t.field({
      type: ProgressReportRef,
      nullable: true,
      description: 'The most recent report in force. Null for PUBLIC (reports are for signed-in readers).',
      authScopes: { loggedIn: true },
      unauthorizedResolver: () => null,
      resolve: async (a, _x, ctx) =>
        reportsInForce(await ctx.loaders.reportsOfAssignment.load(a.id)).at(-1) ?? null,
    }),
    reports: t.connection(
      {
        type: ProgressReportRef,
        description:
          'Reports oldest first; superseded ones only with `includeSuperseded`. Empty for PUBLIC (reports are for signed-in readers; `status` is public).',
        args: { includeSuperseded: t.arg.boolean({ defaultValue: false }) },
        resolve: async (a, args, ctx) => {
          // PUBLIC: an empty list rather than an error (ProgressReport itself is loggedIn-only).
          if (!ctx.viewer) return page(args, []);
          const all = await ctx.loaders.reportsOfAssignment.load(a.id);
          return page(args, args.includeSuperseded ? all : reportsInForce(all));
        },
      },
      ProgressReportConnection,
    ),
  }),
});
