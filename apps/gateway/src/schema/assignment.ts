import type { Unit, WorkItem } from '@qxg/db';
import { scopesOf } from '../auth-scopes';
import { builder, COSTS } from '../builder';
import { loadNodes } from '../loaders';
import { standingReports } from '../services/reports';
import { assignmentStatusVia } from '../services/status-loaders';
import { AssignmentRoleEnum, asOfArg, page, StatusInfo } from './common';
import { AssignmentRef, ProgressReportConnection, ProgressReportRef, UnitRef, WorkItemRef } from './refs';

const AssignmentPermissions = builder
  .objectRef<{ readonly recordProgress: boolean; readonly supersedeReport: boolean }>('AssignmentPermissions')
  .implement({
    description:
      'What the viewer may do on this assignment (the `recordsFor` scope that guards the mutations).',
    fields: (t) => ({
      recordProgress: t.exposeBoolean('recordProgress'),
      supersedeReport: t.exposeBoolean('supersedeReport', {
        description: 'Correct (supersede) its reports; also `attachEvidence`.',
      }),
    }),
  });

builder.node(AssignmentRef, {
  description: 'A unit’s duty on a work item, as lead (牵头单位) or responsible (责任单位) unit.',
  id: { resolve: (a) => a.id },
  // Visibility: the loaders hold the one rule (../visibility.ts).
  loadMany: (ids, ctx) => loadNodes(ctx.loaders.assignment, ids),
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
    viewerCan: t.field({
      type: AssignmentPermissions,
      resolve: async (a, _x, ctx) => {
        const may = await scopesOf(ctx.viewer, ctx.loaders).recordsFor(a.id);
        return { recordProgress: may, supersedeReport: may };
      },
    }),
    status: t.field({
      type: StatusInfo,
      complexity: COSTS.status,
      description:
        'Status as of `asOf` (default today in China), from this unit’s reports standing that day (the core’s reportsAsOf: a correction counts from its own date).',
      args: { asOf: t.arg({ type: 'Date' }) },
      resolve: (a, args, ctx) => assignmentStatusVia(ctx, a, asOfArg(args.asOf, ctx.today)),
    }),
    latestReport: t.field({
      type: ProgressReportRef,
      nullable: true,
      description:
        'The most recent report standing as of `asOf` (default: the current record, every filing counted): a correction counts from its own date. Null for PUBLIC (reports are for signed-in readers).',
      args: { asOf: t.arg({ type: 'Date' }) },
      authScopes: { loggedIn: true },
      unauthorizedResolver: () => null,
      resolve: async (a, args, ctx) =>
        standingReports(await ctx.loaders.reportsOfAssignment.load(a.id), args.asOf ?? undefined).at(-1) ??
        null,
    }),
    reports: t.connection(
      {
        type: ProgressReportRef,
        description:
          'Reports oldest first: those standing as of `asOf` (default: the current record), or every filing with `includeSuperseded`. Empty for PUBLIC (reports are for signed-in readers; `status` is public).',
        args: { includeSuperseded: t.arg.boolean({ defaultValue: false }), asOf: t.arg({ type: 'Date' }) },
        resolve: async (a, args, ctx) => {
          // PUBLIC: an empty list rather than an error (ProgressReport itself is loggedIn-only).
          if (!ctx.viewer) return page(args, []);
          const all = await ctx.loaders.reportsOfAssignment.load(a.id);
          return page(args, args.includeSuperseded ? all : standingReports(all, args.asOf ?? undefined));
        },
      },
      ProgressReportConnection,
    ),
  }),
});
