import type { Assignment } from '@qxg/db';
import { builder } from '../builder';
import { loadNodes } from '../loaders';
import { ProgressStateEnum } from './common';
import { AssignmentRef, EvidenceRef, ProgressReportRef, UserRef } from './refs';

builder.node(ProgressReportRef, {
  description:
    'A unit’s progress report on an assignment. Append-only: a correction supersedes it. Signed-in readers only: PUBLIC sees statuses and aggregates, not the notes, evidence or authors.',
  id: { resolve: (r) => r.id },
  // Reports are unit-internal working material (notes, links, who wrote them): any signed-in role
  // reads them (REPORTERs read as ANALYSTs), PUBLIC never, also not through node(id).
  authScopes: { loggedIn: true },
  loadMany: (ids, ctx) => loadNodes(ctx.loaders.report, ids),
  fields: (t) => ({
    reportedOn: t.exposeString('reportedOn', { description: 'YYYY-MM-DD the progress is reported for.' }),
    state: t.field({ type: ProgressStateEnum, resolve: (r) => r.state }),
    percent: t.int({ nullable: true, resolve: (r) => r.percent }),
    note: t.string({ nullable: true, resolve: (r) => r.note }),
    createdAt: t.field({ type: 'DateTime', resolve: (r) => r.createdAt }),
    assignment: t.field({
      type: AssignmentRef,
      resolve: async (r, _a, ctx) => (await ctx.loaders.assignment.load(r.assignmentId)) as Assignment,
    }),
    supersedes: t.field({
      type: ProgressReportRef,
      nullable: true,
      description: 'The earlier report this one corrects.',
      resolve: (r, _a, ctx) => (r.supersedesId ? ctx.loaders.report.load(r.supersedesId) : null),
    }),
    supersededBy: t.field({
      type: ProgressReportRef,
      nullable: true,
      resolve: async (r, _a, ctx) =>
        (await ctx.loaders.reportsOfAssignment.load(r.assignmentId)).find((x) => x.supersedesId === r.id) ??
        null,
    }),
    evidence: t.field({
      type: [EvidenceRef],
      resolve: (r, _a, ctx) => ctx.loaders.evidenceOfReport.load(r.id),
    }),
    createdBy: t.field({
      type: UserRef,
      nullable: true,
      description: 'Who wrote it.',
      resolve: (r, _a, ctx) => (r.createdById ? ctx.loaders.user.load(r.createdById) : null),
    }),
  }),
});

builder.objectType(EvidenceRef, {
  description:
    'Proof of publication: a page on the government site, in a column (栏目). Signed-in readers only.',
  authScopes: { loggedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    url: t.exposeString('url'),
    siteColumn: t.string({ nullable: true, resolve: (e) => e.siteColumn }),
    publishedOn: t.string({ nullable: true, resolve: (e) => e.publishedOn }),
    createdAt: t.field({ type: 'DateTime', resolve: (e) => e.createdAt }),
  }),
});
