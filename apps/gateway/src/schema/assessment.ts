import type { AssessmentRun, Plan } from '@qxg/db';
import { builder } from '../builder';
import { loadNodes } from '../loaders';
import { checkScheme, runAssessment as runAssessmentService, scoreAssessment } from '../services/assessment';
import { writeAudit } from '../services/audit';
import { UserError, type UserErrorShape } from './common';
import { decodeGlobalId, fail, requireRole, runMutation } from './mutation-kit';
import { AssessmentRunRef, AssessmentSchemeRef, PlanRef } from './refs';

builder.node(AssessmentSchemeRef, {
  description: '考核方案: how units are scored for a plan.',
  id: { resolve: (s) => s.id },
  loadMany: (ids, ctx) => loadNodes(ctx.loaders.scheme, ids),
  fields: (t) => ({
    name: t.exposeString('name'),
    definition: t.field({ type: 'JSON', resolve: (s) => s.definition }),
    createdAt: t.field({ type: 'DateTime', resolve: (s) => s.createdAt }),
    plan: t.field({
      type: PlanRef,
      resolve: async (s, _a, ctx) => (await ctx.loaders.plan.load(s.planId)) as Plan,
    }),
    runs: t.field({
      type: [AssessmentRunRef],
      description: 'Stored runs, newest first.',
      resolve: (s, _a, ctx) =>
        ctx.prisma.assessmentRun.findMany({ where: { schemeId: s.id }, orderBy: { createdAt: 'desc' } }),
    }),
  }),
});

type ExplanationLineShape = { unitId: string | null; order: number; points: number | null; text: string };

const ExplanationLine = builder.objectRef<ExplanationLineShape>('AssessmentExplanationLine').implement({
  fields: (t) => ({
    unitId: t.string({ nullable: true, resolve: (l) => l.unitId }),
    order: t.exposeInt('order'),
    points: t.float({ nullable: true, resolve: (l) => l.points }),
    text: t.exposeString('text'),
  }),
});

builder.node(AssessmentRunRef, {
  description:
    'An assessment computed as of a day: scores, ranks and grades per unit, with explanation lines.',
  id: { resolve: (r) => r.id },
  loadMany: (ids, ctx) => loadNodes(ctx.loaders.run, ids),
  fields: (t) => ({
    asOf: t.exposeString('asOf'),
    createdAt: t.field({ type: 'DateTime', resolve: (r) => r.createdAt }),
    results: t.field({
      type: 'JSON',
      description: 'Per unit: score, rank, grade (as computed).',
      resolve: (r) => r.results,
    }),
    scheme: t.field({
      type: AssessmentSchemeRef,
      resolve: async (r, _a, ctx) => {
        const s = await ctx.loaders.scheme.load(r.schemeId);
        if (!s) throw new Error('scheme missing');
        return s;
      },
    }),
    explanationLines: t.field({
      type: [ExplanationLine],
      args: { unitId: t.arg.string() },
      resolve: (r, args, ctx) =>
        ctx.prisma.assessmentExplanation.findMany({
          where: { runId: r.id, ...(args.unitId ? { unitId: args.unitId } : {}) },
          orderBy: { order: 'asc' },
        }),
    }),
  }),
});

builder.queryField('assessment', (t) =>
  t.field({
    type: AssessmentRunRef,
    nullable: true,
    description: 'The latest stored run of a scheme as of a day (`runAssessment` computes one).',
    args: {
      planId: t.arg.string({ required: true }),
      schemeId: t.arg.id({ required: true }),
      asOf: t.arg({ type: 'Date', required: true }),
    },
    resolve: async (_r, args, ctx) => {
      const raw = Buffer.from(String(args.schemeId), 'base64').toString('utf8');
      const schemeId = raw.startsWith('AssessmentScheme:')
        ? raw.slice('AssessmentScheme:'.length)
        : String(args.schemeId);
      const scheme = await ctx.loaders.scheme.load(schemeId);
      if (!scheme || scheme.planId !== args.planId) return null;
      return ctx.prisma.assessmentRun.findFirst({
        where: { schemeId, asOf: args.asOf },
        orderBy: { createdAt: 'desc' },
      });
    },
  }),
);

const AssessmentPreview = builder
  .objectRef<{ asOf: string; results: unknown; lines: readonly ExplanationLineShape[] }>('AssessmentPreview')
  .implement({
    description:
      'An assessment computed on request as of any day and not stored: the same scores, ranks, grades and lines a run would store.',
    fields: (t) => ({
      asOf: t.exposeString('asOf'),
      results: t.field({
        type: 'JSON',
        description: 'Per unit: score, rank, grade.',
        resolve: (p) => p.results,
      }),
      explanationLines: t.field({
        type: [ExplanationLine],
        args: { unitId: t.arg.string() },
        resolve: (p, args) => (args.unitId ? p.lines.filter((l) => l.unitId === args.unitId) : p.lines),
      }),
    }),
  });

builder.queryField('assessmentPreview', (t) =>
  t.field({
    type: AssessmentPreview,
    nullable: true,
    authScopes: { loggedIn: true },
    description:
      'Signed-in staff: scores the plan’s units with a scheme as of any day, without storing a run (ANALYSTs read days nobody ran). Null for an unknown scheme.',
    args: {
      planId: t.arg.string({ required: true }),
      schemeId: t.arg.id({ required: true }),
      asOf: t.arg({ type: 'Date', required: true }),
    },
    resolve: async (_r, args, ctx) => {
      let schemeId: string;
      try {
        schemeId = decodeGlobalId(String(args.schemeId), 'AssessmentScheme');
      } catch {
        return null;
      }
      const scheme = await ctx.loaders.scheme.load(schemeId);
      if (!scheme || scheme.planId !== args.planId) return null;
      const checked = checkScheme(scheme.definition);
      if (!checked.ok) return null;
      const scored = await scoreAssessment(ctx.prisma, scheme, args.asOf);
      return { asOf: args.asOf, results: scored.results, lines: scored.lines };
    },
  }),
);

const RunAssessmentInput = builder.inputType('RunAssessmentInput', {
  fields: (t) => ({
    planId: t.string({ required: true }),
    schemeId: t.id({ required: true }),
    asOf: t.field({ type: 'Date', required: true }),
  }),
});

const RunAssessmentPayload = builder
  .objectRef<{ run: AssessmentRun | null; userErrors: readonly UserErrorShape[] }>('RunAssessmentPayload')
  .implement({
    fields: (t) => ({
      run: t.field({ type: AssessmentRunRef, nullable: true, resolve: (p) => p.run }),
      userErrors: t.field({ type: [UserError], resolve: (p) => p.userErrors }),
    }),
  });

builder.mutationField('runAssessment', (t) =>
  t.field({
    type: RunAssessmentPayload,
    description:
      'ADMIN: scores the plan’s units with a scheme as of a day (the core’s scoreUnits) and stores the run.',
    args: { input: t.arg({ type: RunAssessmentInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      runMutation(ctx, { run: null }, async (tx) => {
        const viewer = requireRole(ctx, ['ADMIN']);
        const schemeId = decodeGlobalId(String(input.schemeId), 'AssessmentScheme');
        const scheme = await tx.assessmentScheme.findUnique({ where: { id: schemeId } });
        if (!scheme || scheme.planId !== input.planId) {
          fail('UNKNOWN_SCHEME', 'No such scheme for this plan.', '该方案下没有此考核方案。', ['schemeId']);
        }
        const checked = checkScheme(scheme.definition);
        if (!checked.ok) {
          fail(
            'INVALID_SCHEME',
            `The scheme is invalid: ${checked.issues.map((i) => i.message.en).join('; ')}`,
            `考核方案有误:${checked.issues.map((i) => i.message.zh).join(';')}`,
            ['schemeId'],
          );
        }
        const run = await runAssessmentService(tx, scheme, input.asOf);
        await writeAudit(tx, {
          actorId: viewer.id,
          action: 'runAssessment',
          entityType: 'AssessmentRun',
          entityId: run.id,
          after: { schemeId: scheme.id, asOf: input.asOf },
        });
        return { run };
      }),
  }),
);
