import type { Plan } from '@qxg/db';
import { builder } from '../builder';
import { loadNodes } from '../loaders';
import { visibleWhere } from '../visibility';
import { PublicityEnum, page } from './common';
import {
  AssessmentSchemeRef,
  CategoryRef,
  KeyTaskConnection,
  KeyTaskRef,
  PlanConnection,
  PlanRef,
  SafeguardMeasureRef,
  WorkItemConnection,
  WorkItemRef,
} from './refs';

/** A column of loaded rows ('' for a missing row): the parent ids to load next. */
export function columnOf<T, K extends keyof T>(rows: readonly (T | Error | null)[], key: K): string[] {
  return rows.map((r) => (r && !(r instanceof Error) ? String(r[key]) : ''));
}

builder.node(PlanRef, {
  description: '政务公开工作实施方案: a yearly work plan.',
  id: { resolve: (p) => p.id },
  // Visibility: the loaders hold the one rule (../visibility.ts); a plan PUBLIC may not see is null.
  loadMany: (ids, ctx) => loadNodes(ctx.loaders.plan, ids),
  fields: (t) => ({
    key: t.exposeString('id', { description: 'The stable plan id, e.g. `qixingguan-2020`.' }),
    docNumber: t.exposeString('docNumber', { description: '文号' }),
    title: t.exposeString('title'),
    issuer: t.exposeString('issuer'),
    issuedOn: t.exposeString('issuedOn', { description: '成文日期 YYYY-MM-DD' }),
    year: t.exposeInt('year'),
    recipients: t.exposeString('recipients', { description: '主送机关 as written' }),
    publicity: t.field({ type: PublicityEnum, resolve: (p) => p.publicity }),
    basisDocuments: t.field({ type: 'JSON', resolve: (p) => p.basisDocuments }),
    sourceText: t.exposeString('sourceText'),
    createdAt: t.field({ type: 'DateTime', resolve: (p) => p.createdAt }),
    categories: t.field({
      type: [CategoryRef],
      description: 'The headings, in plan order (few: a list).',
      resolve: (p, _a, ctx) => ctx.loaders.categoriesOfPlan.load(p.id),
    }),
    keyTasks: t.connection(
      {
        type: KeyTaskRef,
        resolve: async (p, args, ctx) => page(args, await ctx.loaders.keyTasksOfPlan.load(p.id)),
      },
      KeyTaskConnection,
    ),
    safeguardMeasures: t.field({
      type: [SafeguardMeasureRef],
      resolve: (p, _a, ctx) =>
        ctx.prisma.safeguardMeasure.findMany({ where: { planId: p.id }, orderBy: { number: 'asc' } }),
    }),
    assessmentSchemes: t.field({
      type: [AssessmentSchemeRef],
      resolve: (p, _a, ctx) => ctx.loaders.schemesOfPlan.load(p.id),
    }),
  }),
});

builder.node(CategoryRef, {
  description: 'A heading grouping key tasks, e.g. (一)聚焦中心工作加大公开力度.',
  id: { resolve: (c) => c.id },
  loadMany: (ids, ctx) => loadNodes(ctx.loaders.category, ids),
  fields: (t) => ({
    number: t.exposeInt('number'),
    title: t.exposeString('title'),
    plan: t.field({
      type: PlanRef,
      resolve: async (c, _a, ctx) => (await ctx.loaders.plan.load(c.planId)) as Plan,
    }),
    keyTasks: t.connection(
      {
        type: KeyTaskRef,
        resolve: async (c, args, ctx) => page(args, await ctx.loaders.keyTasksOfCategory.load(c.id)),
      },
      KeyTaskConnection,
    ),
  }),
});

builder.node(KeyTaskRef, {
  description: '重点任务: a numbered task with its work items (任务分解表 lines).',
  id: { resolve: (k) => k.id },
  loadMany: (ids, ctx) => loadNodes(ctx.loaders.keyTask, ids),
  fields: (t) => ({
    number: t.exposeInt('number'),
    title: t.exposeString('title'),
    body: t.exposeString('body'),
    bodyUnits: t.field({
      type: 'JSON',
      description: 'The unit phrases of the body (牵头单位/责任单位) as parsed.',
      resolve: (k) => k.bodyUnits,
    }),
    deadlinePhrases: t.field({ type: 'JSON', resolve: (k) => k.deadlinePhrases }),
    plan: t.field({
      type: PlanRef,
      resolve: async (k, _a, ctx) => (await ctx.loaders.plan.load(k.planId)) as Plan,
    }),
    category: t.field({
      type: CategoryRef,
      nullable: true,
      resolve: (k, _a, ctx) => (k.categoryId ? ctx.loaders.category.load(k.categoryId) : null),
    }),
    workItems: t.connection(
      {
        type: WorkItemRef,
        resolve: async (k, args, ctx) => page(args, await ctx.loaders.workItemsOfKeyTask.load(k.id)),
      },
      WorkItemConnection,
    ),
  }),
});

builder.objectType(SafeguardMeasureRef, {
  description: '保障措施',
  fields: (t) => ({
    number: t.exposeInt('number'),
    title: t.exposeString('title'),
    body: t.exposeString('body'),
  }),
});

builder.queryFields((t) => ({
  plans: t.connection(
    {
      type: PlanRef,
      description: 'All plans visible to the viewer, newest year first.',
      resolve: async (_r, args, ctx) => {
        const plans = await ctx.prisma.plan.findMany({
          where: visibleWhere(ctx.viewer !== null).plan,
          orderBy: [{ year: 'desc' }, { id: 'asc' }],
        });
        for (const p of plans) ctx.loaders.plan.prime(p.id, p);
        return page(args, plans);
      },
    },
    PlanConnection,
  ),
  plan: t.field({
    type: PlanRef,
    nullable: true,
    description: 'A plan by its stable id (`qixingguan-2020`).',
    args: { id: t.arg.string({ required: true }) },
    resolve: (_r, { id }, ctx) => ctx.loaders.plan.load(id),
  }),
}));
