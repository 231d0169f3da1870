import type { Plan } from '@qxg/db';
import { scopeOf } from '../auth-scopes';
import { builder } from '../builder';
import { writeAudit } from '../services/audit';
import { type CarryOverItem, type NextPlanDraft, nextPlanDraft, setPlanArchived } from '../services/plans';
import { visibleWhere } from '../visibility';
import { PublicityEnum, page } from './common';
import { fail, payloadType, refused, runMutation, viewerOf } from './mutation-kit';
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
import { rowNode } from './row-node';

/** A column of loaded rows ('' for a missing row): the parent ids to load next. */
export function columnOf<T, K extends keyof T>(rows: readonly (T | Error | null)[], key: K): string[] {
  return rows.map((r) => (r && !(r instanceof Error) ? String(r[key]) : ''));
}

builder.node(PlanRef, {
  description: '政务公开工作实施方案: a yearly work plan.',
  // Visibility: the loaders hold the one rule (../visibility.ts); a plan PUBLIC may not see is null.
  ...rowNode((l) => l.plan),
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
    archivedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        'When the office withdrew (archived) the plan: then it is read-only and left out of `plans`.',
      resolve: (p) => p.archivedAt,
    }),
    archived: t.boolean({ resolve: (p) => p.archivedAt !== null }),
    previousPlan: t.field({
      type: PlanRef,
      nullable: true,
      description: 'The plan this one was started from (“start next year’s plan”).',
      resolve: (p, _a, ctx) => (p.previousPlanId ? ctx.loaders.plan.load(p.previousPlanId) : null),
    }),
    nextPlanDraft: t.field({
      type: NextPlanDraftRef,
      nullable: true,
      description:
        'ADMIN: what “start next year’s plan” proposes: the next year’s 文号 and 成文日期 to prefill the import with, and the standing items (长期坚持, 长期, recurring) to carry over.',
      authScopes: scopeOf('managePlans'),
      resolve: (p, _a, ctx) => nextPlanDraft(ctx.prisma, p.id),
    }),
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
  ...rowNode((l) => l.category),
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
  ...rowNode((l) => l.keyTask),
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
      description:
        'The plans visible to the viewer, newest year first; withdrawn (archived) ones only with `includeArchived`.',
      args: { includeArchived: t.arg.boolean({ defaultValue: false }) },
      resolve: async (_r, args, ctx) => {
        const plans = await ctx.prisma.plan.findMany({
          where: {
            ...visibleWhere(ctx.viewer !== null).plan,
            ...(args.includeArchived ? {} : { archivedAt: null }),
          },
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
  chosenPlan: t.field({
    type: PlanRef,
    nullable: true,
    description:
      'The plan the signed-in viewer last chose in the plan picker (`choosePlan`), while it exists and is not withdrawn; null for anonymous visitors or when none was chosen.',
    resolve: async (_r, _a, ctx) => {
      if (!ctx.viewer) return null;
      const user = await ctx.prisma.user.findUnique({
        where: { id: ctx.viewer.id },
        select: { lastPlanId: true },
      });
      if (!user?.lastPlanId) return null;
      const plan = await ctx.loaders.plan.load(user.lastPlanId);
      return plan && !plan.archivedAt ? plan : null;
    },
  }),
}));

const CarryOverItemRef = builder.objectRef<CarryOverItem>('CarryOverItem').implement({
  description:
    'A standing work item of the previous plan (长期坚持, 长期, recurring), proposed to carry over.',
  fields: (t) => ({
    workItemId: t.string({
      description: 'The work item’s global id (pass it in `ImportPlanInput.carryOver`).',
      resolve: (c) => Buffer.from(`WorkItem:${c.workItemId}`).toString('base64'),
    }),
    keyTaskNumber: t.exposeInt('keyTaskNumber'),
    keyTaskTitle: t.exposeString('keyTaskTitle'),
    order: t.exposeInt('order'),
    content: t.exposeString('content'),
    deadlineText: t.exposeString('deadlineText'),
    leadUnitsText: t.exposeString('leadUnitsText'),
    responsibleUnitsText: t.exposeString('responsibleUnitsText'),
  }),
});

const NextPlanDraftRef = builder.objectRef<NextPlanDraft>('NextPlanDraft').implement({
  description:
    'What “start next year’s plan” proposes; the import (`previousPlanId`, `carryOver`) makes the plan.',
  fields: (t) => ({
    previousPlanId: t.exposeString('previousPlanId', { description: 'The plan it follows (stable id).' }),
    year: t.exposeInt('year'),
    docNumberPrefix: t.exposeString('docNumberPrefix', {
      description: 'The 文号 with the year moved on, the serial left to fill in (七星府办通〔2021〕).',
    }),
    issuedOn: t.exposeString('issuedOn', { description: 'Proposed 成文日期: the same day one year on.' }),
    title: t.exposeString('title'),
    issuer: t.exposeString('issuer'),
    carryOver: t.field({ type: [CarryOverItemRef], resolve: (d) => [...d.carryOver] }),
  }),
});

const PlanPayload = payloadType<{ plan: Plan | null }>('PlanPayload', (t) => ({
  plan: t.field({ type: PlanRef, nullable: true, resolve: (p) => p.plan }),
}));

builder.mutationFields((t) => {
  /** archivePlan and unarchivePlan: the same guarded, audited write of the archive flag. */
  const archiveField = (archived: boolean, description: string) =>
    t.field({
      type: PlanPayload,
      description,
      args: { planId: t.arg.string({ required: true }) },
      authScopes: scopeOf('managePlans'),
      unauthorizedResolver: refused({ plan: null }),
      resolve: (_r, { planId }, ctx) =>
        runMutation(ctx, { plan: null }, async (tx) => ({
          plan: await setPlanArchived(tx, planId, archived, viewerOf(ctx).id, ctx.now),
        })),
    });
  return {
    archivePlan: archiveField(
      true,
      'ADMIN: withdraws (archives) a plan, e.g. one imported by mistake: it becomes read-only (writes answer PLAN_ARCHIVED) and leaves the picker. Reversible with `unarchivePlan`.',
    ),
    unarchivePlan: archiveField(false, 'ADMIN: restores a withdrawn plan: writable and in the picker again.'),
    choosePlan: t.field({
      type: PlanPayload,
      description:
        'Signed in: remembers the plan the viewer chose in the plan picker (`chosenPlan` answers it on every device).',
      args: { planId: t.arg.string({ required: true }) },
      authScopes: { loggedIn: true },
      unauthorizedResolver: refused({ plan: null }),
      resolve: (_r, { planId }, ctx) =>
        runMutation(ctx, { plan: null }, async (tx) => {
          const viewer = viewerOf(ctx);
          const plan = await tx.plan.findUnique({ where: { id: planId } });
          if (!plan) fail('UNKNOWN_PLAN', { zh: `找不到方案${planId}`, en: `No plan ${planId}` }, ['planId']);
          const before = await tx.user.findUnique({ where: { id: viewer.id }, select: { lastPlanId: true } });
          if (before?.lastPlanId === planId) return { plan };
          await tx.user.update({ where: { id: viewer.id }, data: { lastPlanId: planId } });
          await writeAudit(tx, {
            actorId: viewer.id,
            action: 'choosePlan',
            entityType: 'User',
            entityId: viewer.id,
            before: { lastPlanId: before?.lastPlanId ?? null },
            after: { lastPlanId: planId },
          });
          return { plan };
        }),
    }),
  };
});
