import type { AssessmentRun, AssessmentScheme, ManualScoreModel as ManualScore, Plan } from '@qxg/db';
import { scopeOf } from '../auth-scopes';
import { builder, COSTS } from '../builder';
import type { Context } from '../context';
import {
  checkScheme,
  isRunStale,
  runAssessment as runAssessmentService,
  scoreAssessment,
} from '../services/assessment';
import { type Tx, toJson, writeAudit } from '../services/audit';
import {
  type ExplanationLineShape,
  groupExplanation,
  type IndicatorExplanation,
} from '../services/explanation';
import { assertPlanWritable } from '../services/plans';
import { clearManualScore, copyScheme, manualIndicatorsOf, setManualScore } from '../services/scheme-admin';
import { inputMutation } from './admin-mutation';
import { decodeGlobalId, fail, payloadType, UserErrors } from './mutation-kit';
import { AssessmentRunRef, AssessmentSchemeRef, PlanRef, UnitRef, UserRef } from './refs';
import { rowNode } from './row-node';
import { userError } from './user-errors';

const ManualIndicatorRef = builder
  .objectRef<{ id: string; name: string; points: number; classId: string; className: string }>(
    'ManualIndicator',
  )
  .implement({
    description: 'An indicator of a scheme scored by hand (人工评分): the office enters a score per unit.',
    fields: (t) => ({
      id: t.exposeString('id'),
      name: t.exposeString('name'),
      points: t.exposeFloat('points', { description: 'The most it gives.' }),
      classId: t.exposeString('classId'),
      className: t.exposeString('className'),
    }),
  });

const ManualScoreRef = builder.objectRef<ManualScore>('ManualScore').implement({
  description: 'A score the office entered by hand on a manual indicator for a unit, with its reason.',
  fields: (t) => ({
    id: t.exposeID('id'),
    indicatorId: t.exposeString('indicatorId'),
    unit: t.field({
      type: UnitRef,
      nullable: true,
      resolve: (m, _a, ctx) => ctx.loaders.unit.load(m.unitId),
    }),
    points: t.exposeFloat('points'),
    reason: t.exposeString('reason'),
    enteredBy: t.field({
      type: UserRef,
      nullable: true,
      resolve: (m, _a, ctx) => (m.enteredById ? ctx.loaders.user.load(m.enteredById) : null),
    }),
    updatedAt: t.field({ type: 'DateTime', resolve: (m) => m.updatedAt }),
  }),
});

builder.node(AssessmentSchemeRef, {
  description: '考核方案: how units are scored for a plan.',
  ...rowNode((l) => l.scheme),
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
    manualIndicators: t.field({
      type: [ManualIndicatorRef],
      description: 'The indicators scored by hand (人工评分), class by class.',
      resolve: (s) => manualIndicatorsOf(s.definition),
    }),
    manualScores: t.field({
      type: [ManualScoreRef],
      description: 'Signed-in staff: the manual scores entered on this scheme (of one unit when given).',
      authScopes: { staff: true },
      args: { unitId: t.arg.string() },
      resolve: (s, args, ctx) =>
        ctx.prisma.manualScore.findMany({
          where: { schemeId: s.id, ...(args.unitId ? { unitId: args.unitId } : {}) },
          orderBy: [{ unitId: 'asc' }, { indicatorId: 'asc' }],
        }),
    }),
  }),
});

const ExplanationLine = builder.objectRef<ExplanationLineShape>('AssessmentExplanationLine').implement({
  fields: (t) => ({
    unitId: t.string({ nullable: true, resolve: (l) => l.unitId }),
    order: t.exposeInt('order'),
    points: t.float({ nullable: true, resolve: (l) => l.points }),
    indicatorId: t.string({
      nullable: true,
      description: 'The indicator the line belongs to (null for lines stored before it was kept).',
      resolve: (l) => l.indicatorId,
    }),
    text: t.string({
      description:
        'The line in Chinese (中文), or in English with `language: EN` (Chinese when a stored line has none).',
      args: { language: t.arg.string({ description: 'ZH (default) or EN.' }) },
      resolve: (l, args) => (args.language?.toUpperCase() === 'EN' ? (l.textEn ?? l.text) : l.text),
    }),
    textEn: t.string({
      nullable: true,
      description: 'The line in English (null for lines stored before it was kept).',
      resolve: (l) => l.textEn,
    }),
  }),
});

const IndicatorExplanationRef = builder
  .objectRef<IndicatorExplanation>('AssessmentIndicatorExplanation')
  .implement({
    description:
      'One scored indicator of a unit: its place in the scheme, its score and the lines that make it.',
    fields: (t) => ({
      indicatorId: t.exposeString('indicatorId'),
      path: t.exposeStringList('path', {
        description: 'Its name under its groups: 保障措施落实 › 组织领导.',
      }),
      name: t.string({ resolve: (g) => g.path[g.path.length - 1] ?? '' }),
      max: t.exposeFloat('max'),
      score: t.exposeFloat('score'),
      bonus: t.exposeBoolean('bonus', { description: 'A bonus indicator (加分项), outside the total.' }),
      lines: t.field({ type: [ExplanationLine], resolve: (g) => [...g.lines] }),
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

/** What a stored run and a preview both show: the scores and their lines, read through `view`. */
interface ScoredView {
  readonly asOf: string;
  readonly results: unknown;
  lines(ctx: Context, unitId: string | null | undefined): Promise<readonly ExplanationLineShape[]>;
}

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

function scoredFields<P>(t: PothosSchemaTypes.ObjectFieldBuilder<Types, P>, view: (p: P) => ScoredView) {
  return {
    asOf: t.string({ resolve: (p) => view(p).asOf }),
    results: t.field({
      type: 'JSON',
      description: 'Per unit: score, rank, grade (as computed).',
      resolve: (p) => view(p).results as never,
    }),
    estimated: t.boolean({
      description:
        'True when any unit’s score rests on a date outside the work calendar’s years (estimated with weekends only; see `units.estimated` and the lines).',
      resolve: (p) => (view(p).results as ResultsShape | null)?.estimated === true,
    }),
    units: t.field({
      type: [UnitScoreRef],
      resolve: (p) => [...((view(p).results as ResultsShape | null)?.units ?? [])],
    }),
    explanationLines: t.field({
      type: [ExplanationLine],
      description: 'Every line in order (of one unit when given); `explanation` groups them by indicator.',
      args: { unitId: t.arg.string() },
      resolve: (p, args, ctx) => view(p).lines(ctx, args.unitId),
    }),
    explanation: t.field({
      type: [IndicatorExplanationRef],
      description: 'A unit’s lines grouped under its scored indicators, in the scheme’s order, bonuses last.',
      args: { unitId: t.arg.string({ required: true }) },
      resolve: async (p, args, ctx) => {
        const v = view(p);
        return groupExplanation(v.results, args.unitId, await v.lines(ctx, args.unitId));
      },
    }),
  };
}

const storedView = (r: AssessmentRun): ScoredView => ({
  asOf: r.asOf,
  results: r.results,
  lines: (ctx, unitId) =>
    ctx.prisma.assessmentExplanation.findMany({
      where: { runId: r.id, ...(unitId ? { unitId } : {}) },
      orderBy: { order: 'asc' },
    }),
});

builder.node(AssessmentRunRef, {
  description:
    'An assessment computed as of a day: scores, ranks and grades per unit, with explanation lines.',
  ...rowNode((l) => l.run),
  fields: (t) => ({
    ...scoredFields(t, storedView),
    createdAt: t.field({ type: 'DateTime', resolve: (r) => r.createdAt }),
    dataUpTo: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        'Based on data up to: the newest report, event or manual score write the run counted (null: none, or a run stored before it was kept).',
      resolve: (r) => r.dataUpTo,
    }),
    stale: t.boolean({
      description:
        'True when reports, events or manual scores were written (or events and manual scores removed) after the run: run it again to see them.',
      resolve: async (r, _a, ctx) => {
        const scheme = await ctx.loaders.scheme.load(r.schemeId);
        return scheme ? isRunStale(ctx.prisma as unknown as Tx, r, scheme.planId) : false;
      },
    }),
    scheme: t.field({
      type: AssessmentSchemeRef,
      resolve: async (r, _a, ctx) => {
        const s = await ctx.loaders.scheme.load(r.schemeId);
        if (!s) throw new Error('scheme missing');
        return s;
      },
    }),
  }),
});

/** The scheme a query names (its global or raw id) when it belongs to the plan, else null. */
async function schemeOfPlan(ctx: Context, planId: string, id: string): Promise<AssessmentScheme | null> {
  let schemeId: string;
  try {
    schemeId = decodeGlobalId(id, 'AssessmentScheme');
  } catch {
    schemeId = id;
  }
  const scheme = await ctx.loaders.scheme.load(schemeId);
  return scheme && scheme.planId === planId ? scheme : null;
}

const assessmentArgs = (t: PothosSchemaTypes.QueryFieldBuilder<Types, object>) => ({
  planId: t.arg.string({ required: true }),
  schemeId: t.arg.id({ required: true }),
  asOf: t.arg({ type: 'Date', required: true }),
});

builder.queryField('assessment', (t) =>
  t.field({
    type: AssessmentRunRef,
    nullable: true,
    description: 'The latest stored run of a scheme as of a day (`runAssessment` computes one).',
    args: assessmentArgs(t),
    resolve: async (_r, args, ctx) => {
      const scheme = await schemeOfPlan(ctx, args.planId, String(args.schemeId));
      if (!scheme) return null;
      return ctx.prisma.assessmentRun.findFirst({
        where: { schemeId: scheme.id, asOf: args.asOf },
        orderBy: { createdAt: 'desc' },
      });
    },
  }),
);

type Preview = { asOf: string; results: unknown; lines: readonly ExplanationLineShape[] };

const AssessmentPreview = builder.objectRef<Preview>('AssessmentPreview').implement({
  description:
    'An assessment computed on request as of any day and not stored: the same scores, ranks, grades and lines a run would store.',
  fields: (t) =>
    scoredFields(t, (p) => ({
      asOf: p.asOf,
      results: p.results,
      lines: async (_ctx, unitId) => (unitId ? p.lines.filter((l) => l.unitId === unitId) : p.lines),
    })),
});

builder.queryField('assessmentPreview', (t) =>
  t.field({
    type: AssessmentPreview,
    nullable: true,
    authScopes: scopeOf('viewAssessment'),
    complexity: COSTS.assessmentPreview,
    description:
      'Signed-in staff: scores the plan’s units with a scheme as of any day, without storing a run (ANALYSTs read days nobody ran). Null for an unknown scheme.',
    args: assessmentArgs(t),
    resolve: async (_r, args, ctx) => {
      const scheme = await schemeOfPlan(ctx, args.planId, String(args.schemeId));
      if (!scheme || !checkScheme(scheme.definition).ok) return null;
      const scored = await scoreAssessment(ctx.prisma as unknown as Tx, scheme, args.asOf);
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

const SchemePayload = payloadType<{ scheme: AssessmentScheme | null }>(
  'DefineAssessmentSchemePayload',
  (t) => ({
    scheme: t.field({ type: AssessmentSchemeRef, nullable: true, resolve: (p) => p.scheme }),
  }),
);

/** The core's `validateScheme` issues as user errors on the definition. */
function schemeErrors(definition: unknown): void {
  if (definition === null || typeof definition !== 'object' || Array.isArray(definition)) {
    fail('INVALID_SCHEME', { zh: '考核方案须为JSON对象。', en: 'The definition must be a JSON object.' }, [
      'definition',
    ]);
  }
  const checked = checkScheme(definition);
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
}

/** The scheme a mutation names by its global id, or UNKNOWN_SCHEME (of the plan when given). */
async function schemeToWrite(tx: Tx, id: string, planId?: string): Promise<AssessmentScheme> {
  const scheme = await tx.assessmentScheme.findUnique({
    where: { id: decodeGlobalId(id, 'AssessmentScheme') },
  });
  if (!scheme || (planId !== undefined && scheme.planId !== planId)) {
    fail('UNKNOWN_SCHEME', { zh: '该方案下没有此考核方案。', en: 'No such scheme for this plan.' }, [
      'schemeId',
    ]);
  }
  return scheme;
}

builder.mutationFields((t) => ({
  defineAssessmentScheme: inputMutation(t, {
    type: SchemePayload,
    input: DefineAssessmentSchemeInput,
    permission: 'editScheme',
    description: 'ADMIN: stores an assessment scheme (考核方案) for a plan; a new name makes a new scheme.',
    empty: { scheme: null },
    run: async (tx, input, viewer) => {
      await assertPlanWritable(tx, input.planId);
      if (input.name.trim() === '')
        fail('EMPTY_NAME', { zh: '考核方案名称不能为空。', en: 'A scheme needs a name.' }, ['name']);
      const def = input.definition;
      schemeErrors(def);
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
    },
  }),
}));

const CopyAssessmentSchemeInput = builder.inputType('CopyAssessmentSchemeInput', {
  fields: (t) => ({
    schemeId: t.id({ required: true, description: 'The scheme to copy.' }),
    toPlanId: t.string({ required: true, description: 'The plan that gets the copy.' }),
    name: t.string({ description: 'The copy’s name (default: the source’s, with the plan’s year).' }),
  }),
});

builder.mutationFields((t) => ({
  copyAssessmentScheme: inputMutation(t, {
    type: SchemePayload,
    input: CopyAssessmentSchemeInput,
    permission: 'editScheme',
    description:
      'ADMIN: copies a scheme to another plan (the core’s copySchemeToPlan: the plan’s period, references it lacks dropped), audited.',
    empty: { scheme: null },
    run: async (tx, input, viewer) => {
      const source = await schemeToWrite(tx, String(input.schemeId));
      await assertPlanWritable(tx, input.toPlanId);
      const scheme = await copyScheme(tx, source, input.toPlanId, {
        actorId: viewer.id,
        ...(input.name ? { name: input.name } : {}),
      });
      return { scheme };
    },
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

builder.mutationFields((t) => ({
  runAssessment: inputMutation(t, {
    type: RunAssessmentPayload,
    input: RunAssessmentInput,
    permission: 'runAssessment',
    description:
      'ADMIN: scores the plan’s units with a scheme as of a day (the core’s scoreUnits, with the manual scores) and stores the run.',
    empty: { run: null },
    run: async (tx, input, viewer) => {
      await assertPlanWritable(tx, input.planId);
      const scheme = await schemeToWrite(tx, String(input.schemeId), input.planId);
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
    },
  }),
}));

const SetManualScoreInput = builder.inputType('SetManualScoreInput', {
  fields: (t) => ({
    schemeId: t.id({ required: true }),
    unitId: t.string({ required: true }),
    indicatorId: t.string({ required: true, description: 'A manual (人工评分) indicator of the scheme.' }),
    points: t.float({
      description: 'Within 0 and the indicator’s points, two decimals at most; kept when left out.',
    }),
    reason: t.string({ description: 'Why (评分理由); kept when left out.' }),
  }),
});

const ManualScoreKeyInput = builder.inputType('ManualScoreKeyInput', {
  fields: (t) => ({
    schemeId: t.id({ required: true }),
    unitId: t.string({ required: true }),
    indicatorId: t.string({ required: true }),
  }),
});

const SetManualScorePayload = payloadType<{ manualScore: ManualScore | null }>(
  'SetManualScorePayload',
  (t) => ({
    manualScore: t.field({ type: ManualScoreRef, nullable: true, resolve: (p) => p.manualScore }),
  }),
);

const ClearManualScorePayload = payloadType<{ cleared: boolean | null }>('ClearManualScorePayload', (t) => ({
  cleared: t.boolean({
    nullable: true,
    description: 'True when a score was removed, false when there was none.',
    resolve: (p) => p.cleared,
  }),
}));

builder.mutationFields((t) => ({
  setManualScore: inputMutation(t, {
    type: SetManualScorePayload,
    input: SetManualScoreInput,
    permission: 'editScheme',
    description:
      'ADMIN: enters (or changes) a unit’s score on a manual indicator with its reason, checked by the core’s checkManualScore; audited. Stored runs become stale.',
    empty: { manualScore: null },
    run: async (tx, input, viewer) => {
      const scheme = await schemeToWrite(tx, String(input.schemeId));
      await assertPlanWritable(tx, scheme.planId);
      const manualScore = await setManualScore(tx, scheme, {
        unitId: input.unitId,
        indicatorId: input.indicatorId,
        ...(input.points !== null && input.points !== undefined ? { points: input.points } : {}),
        ...(input.reason !== null && input.reason !== undefined ? { reason: input.reason } : {}),
        actorId: viewer.id,
      });
      return { manualScore };
    },
  }),
  clearManualScore: inputMutation(t, {
    type: ClearManualScorePayload,
    input: ManualScoreKeyInput,
    permission: 'editScheme',
    description:
      'ADMIN: removes a unit’s manual score on an indicator (it scores as not scored again); audited.',
    empty: { cleared: null },
    run: async (tx, input, viewer) => {
      const scheme = await schemeToWrite(tx, String(input.schemeId));
      await assertPlanWritable(tx, scheme.planId);
      const cleared = await clearManualScore(tx, scheme, input.unitId, input.indicatorId, viewer.id);
      return { cleared };
    },
  }),
}));
