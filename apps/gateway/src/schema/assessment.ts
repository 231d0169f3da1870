import type { AssessmentRun, AssessmentScheme, Plan } from '@qxg/db';
import { scopeOf } from '../auth-scopes';
import { builder, COSTS } from '../builder';
import { loadNodes } from '../loaders';
import { checkScheme, runAssessment as runAssessmentService, scoreAssessment } from '../services/assessment';
import { toJson, writeAudit } from '../services/audit';
import {
  decodeGlobalId,
  fail,
  payloadType,
  refused,
  runMutation,
  UserErrors,
  viewerOf,
} from './mutation-kit';
import { AssessmentRunRef, AssessmentSchemeRef, PlanRef } from './refs';
import { userError } from './user-errors';

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

/** What the typed fields read of the stored per-unit results (the core's UnitScore without lines). */
interface UnitScoreShape {
  readonly unitId: string;
  readonly unitName: string;
  readonly classId: string;
  readonly total: number;
  readonly rank: number;
  readonly classSize: number;
  readonly gradeLabel: string;
  readonly estimated?: boolean;
}
interface ResultsShape {
  readonly estimated?: boolean;
  readonly units?: readonly UnitScoreShape[];
}

const UnitScoreRef = builder.objectRef<UnitScoreShape>('UnitScore').implement({
  description: 'One unit’s score as computed by the core (the full detail is in `results`).',
  fields: (t) => ({
    unitId: t.exposeString('unitId'),
    unitName: t.exposeString('unitName'),
    classId: t.exposeString('classId'),
    total: t.exposeFloat('total'),
    rank: t.exposeInt('rank'),
    classSize: t.exposeInt('classSize'),
    gradeLabel: t.exposeString('gradeLabel', { description: '优秀 / 良好 / 合格 / 不合格' }),
    estimated: t.boolean({
      description:
        'True when a date this score rests on lies outside the work calendar’s years and was counted with weekends only.',
      resolve: (u) => u.estimated === true,
    }),
  }),
});

const resultFields = {
  estimated: {
    description:
      'True when any unit’s score rests on a date outside the work calendar’s years (estimated with weekends only; see `units.estimated` and the lines).',
    resolve: (results: unknown) => (results as ResultsShape | null)?.estimated === true,
  },
  units: (results: unknown) => [...((results as ResultsShape | null)?.units ?? [])],
};

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
    estimated: t.boolean({
      description: resultFields.estimated.description,
      resolve: (r) => resultFields.estimated.resolve(r.results),
    }),
    units: t.field({ type: [UnitScoreRef], resolve: (r) => resultFields.units(r.results) }),
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
      estimated: t.boolean({
        description: resultFields.estimated.description,
        resolve: (p) => resultFields.estimated.resolve(p.results),
      }),
      units: t.field({ type: [UnitScoreRef], resolve: (p) => resultFields.units(p.results) }),
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
    authScopes: scopeOf('viewAssessment'),
    complexity: COSTS.assessmentPreview,
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

const DefineAssessmentSchemeInput = builder.inputType('DefineAssessmentSchemeInput', {
  fields: (t) => ({
    planId: t.string({ required: true }),
    name: t.string({ required: true }),
    definition: t.field({
      type: 'JSON',
      required: true,
      description: 'The scheme as @qxg/disclosure-core defines it.',
    }),
  }),
});

const DefineAssessmentSchemePayload = payloadType<{ scheme: AssessmentScheme | null }>(
  'DefineAssessmentSchemePayload',
  (t) => ({ scheme: t.field({ type: AssessmentSchemeRef, nullable: true, resolve: (p) => p.scheme }) }),
);

builder.mutationFields((t) => ({
  defineAssessmentScheme: t.field({
    type: DefineAssessmentSchemePayload,
    description: 'ADMIN: stores an assessment scheme (考核方案) for a plan; a new name makes a new scheme.',
    authScopes: scopeOf('editScheme'),
    unauthorizedResolver: refused({ scheme: null }),
    args: { input: t.arg({ type: DefineAssessmentSchemeInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      runMutation(ctx, { scheme: null }, async (tx) => {
        const viewer = viewerOf(ctx);
        if (!(await tx.plan.findUnique({ where: { id: input.planId } }))) {
          fail('UNKNOWN_PLAN', { zh: `找不到方案${input.planId}`, en: `No plan ${input.planId}` }, [
            'planId',
          ]);
        }
        if (input.name.trim() === '')
          fail('EMPTY_NAME', { zh: '考核方案名称不能为空。', en: 'A scheme needs a name.' }, ['name']);
        const def = input.definition;
        if (def === null || typeof def !== 'object' || Array.isArray(def)) {
          fail(
            'INVALID_SCHEME',
            { zh: '考核方案须为JSON对象。', en: 'The definition must be a JSON object.' },
            ['definition'],
          );
        }
        const checked = checkScheme(def);
        if (!checked.ok) {
          throw new UserErrors(
            checked.issues.map((i) =>
              userError('INVALID_SCHEME', { zh: i.message.zh, en: `${i.code}: ${i.message.en}` }, [
                'definition',
                ...(i.location?.path ? [i.location.path] : []),
              ]),
            ),
          );
        }
        const before = await tx.assessmentScheme.findUnique({
          where: { planId_name: { planId: input.planId, name: input.name } },
        });
        const scheme = before
          ? await tx.assessmentScheme.update({ where: { id: before.id }, data: { definition: toJson(def) } })
          : await tx.assessmentScheme.create({
              data: { planId: input.planId, name: input.name, definition: toJson(def) },
            });
        await writeAudit(tx, {
          actorId: viewer.id,
          action: 'defineAssessmentScheme',
          entityType: 'AssessmentScheme',
          entityId: scheme.id,
          ...(before ? { before } : {}),
          after: scheme,
        });
        return { scheme };
      }),
  }),
}));

const RunAssessmentInput = builder.inputType('RunAssessmentInput', {
  fields: (t) => ({
    planId: t.string({ required: true }),
    schemeId: t.id({ required: true }),
    asOf: t.field({ type: 'Date', required: true }),
  }),
});

const RunAssessmentPayload = payloadType<{ run: AssessmentRun | null }>('RunAssessmentPayload', (t) => ({
  run: t.field({ type: AssessmentRunRef, nullable: true, resolve: (p) => p.run }),
}));

builder.mutationField('runAssessment', (t) =>
  t.field({
    type: RunAssessmentPayload,
    description:
      'ADMIN: scores the plan’s units with a scheme as of a day (the core’s scoreUnits) and stores the run.',
    args: { input: t.arg({ type: RunAssessmentInput, required: true }) },
    authScopes: scopeOf('runAssessment'),
    unauthorizedResolver: refused({ run: null }),
    resolve: (_r, { input }, ctx) =>
      runMutation(ctx, { run: null }, async (tx) => {
        const viewer = viewerOf(ctx);
        const schemeId = decodeGlobalId(String(input.schemeId), 'AssessmentScheme');
        const scheme = await tx.assessmentScheme.findUnique({ where: { id: schemeId } });
        if (!scheme || scheme.planId !== input.planId) {
          fail('UNKNOWN_SCHEME', { zh: '该方案下没有此考核方案。', en: 'No such scheme for this plan.' }, [
            'schemeId',
          ]);
        }
        const checked = checkScheme(scheme.definition);
        if (!checked.ok) {
          fail(
            'INVALID_SCHEME',
            {
              zh: `考核方案有误:${checked.issues.map((i) => i.message.zh).join(';')}`,
              en: `The scheme is invalid: ${checked.issues.map((i) => i.message.en).join('; ')}`,
            },
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
