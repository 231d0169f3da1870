import { assertNever, isComplete, isLate, STATUS_INFO } from '@qxg/disclosure-core';
import { builder, COSTS } from '../builder';
import { assignmentStatus } from '../services/plan-facts';
import { asOfArg, DeadlineStatusEnum, type DeadlineStatusValue } from './common';
import { factsFor } from './work-item';

const GROUP_BY = ['UNIT', 'UNIT_KIND', 'CATEGORY', 'KEY_TASK', 'STATUS', 'ROLE'] as const;
type Dimension = (typeof GROUP_BY)[number];

export const ProgressGroupByEnum = builder.enumType('ProgressGroupBy', { values: GROUP_BY });

interface GroupKey {
  readonly dimension: Dimension;
  readonly value: string;
  readonly label: string;
}

interface Group {
  readonly key: readonly GroupKey[];
  readonly counts: Map<DeadlineStatusValue, number>;
  total: number;
}

const GroupKeyRef = builder.objectRef<GroupKey>('ProgressGroupKey').implement({
  fields: (t) => ({
    dimension: t.field({ type: ProgressGroupByEnum, resolve: (k) => k.dimension }),
    value: t.exposeString('value', {
      description: 'Stable id (unit id, kind, category/key task number, status, role).',
    }),
    label: t.exposeString('label', { description: 'Human label (unit name, category title …).' }),
  }),
});

const StatusCount = builder
  .objectRef<{ status: DeadlineStatusValue; count: number }>('StatusCount')
  .implement({
    fields: (t) => ({
      status: t.field({ type: DeadlineStatusEnum, resolve: (s) => s.status }),
      count: t.exposeInt('count'),
    }),
  });

const ProgressGroup = builder.objectRef<Group>('ProgressGroup').implement({
  description: 'Counts of assignments (duties) in one group, with rates.',
  fields: (t) => ({
    key: t.field({ type: [GroupKeyRef], resolve: (g) => [...g.key] }),
    assignments: t.int({ resolve: (g) => g.total }),
    done: t.int({ description: 'Complete (the core’s isComplete).', resolve: (g) => sum(g, isComplete) }),
    doneOnTime: t.int({
      description: 'Complete and green (on time, or a recurring minimum met).',
      resolve: (g) => sum(g, (s) => isComplete(s) && STATUS_INFO[s].light === 'green'),
    }),
    overdue: t.int({ description: 'Late and not done (the core’s isLate).', resolve: (g) => sum(g, isLate) }),
    dueSoon: t.int({ resolve: (g) => g.counts.get('due_soon') ?? 0 }),
    completionRate: t.float({
      description: 'done / assignments (0..1).',
      resolve: (g) => rate(sum(g, isComplete), g.total),
    }),
    overdueRate: t.float({ resolve: (g) => rate(sum(g, isLate), g.total) }),
    byStatus: t.field({
      type: [StatusCount],
      description: 'Most urgent first (the core’s urgency order).',
      resolve: (g) =>
        [...g.counts]
          .sort(([a], [b]) => STATUS_INFO[a].urgency - STATUS_INFO[b].urgency)
          .map(([status, count]) => ({ status, count })),
    }),
  }),
});

function sum(g: Group, counts: (status: DeadlineStatusValue) => boolean): number {
  let n = 0;
  for (const [s, c] of g.counts) if (counts(s)) n += c;
  return n;
}

function rate(n: number, d: number): number {
  return d === 0 ? 0 : Math.round((n / d) * 10_000) / 10_000;
}

builder.queryField('progressSummary', (t) =>
  t.field({
    type: [ProgressGroup],
    complexity: COSTS.progressSummary,
    description:
      'Assignments of a plan counted per group (any combination of dimensions), statuses as of `asOf`. An empty `groupBy` gives one group: the whole plan.',
    args: {
      planId: t.arg.string({ required: true }),
      asOf: t.arg({ type: 'Date' }),
      groupBy: t.arg({ type: [ProgressGroupByEnum], required: true }),
    },
    resolve: async (_r, args, ctx) => {
      const facts = await factsFor(ctx, args.planId);
      const asOf = asOfArg(args.asOf, ctx.today);
      const dims = [...new Set(args.groupBy)];
      const groups = new Map<string, Group>();
      const categoryOf = new Map(facts.categories.map((c) => [c.id, c]));
      for (const a of facts.assignments) {
        const status = assignmentStatus(facts, a, asOf).status;
        const item = facts.workItemById.get(a.workItemId);
        const task = item ? facts.keyTaskById.get(item.keyTaskId) : undefined;
        const category = task?.categoryId ? categoryOf.get(task.categoryId) : undefined;
        const unit = facts.units.get(a.unitId);
        const key: GroupKey[] = dims.map((dimension): GroupKey => {
          switch (dimension) {
            case 'UNIT':
              return { dimension, value: a.unitId, label: unit?.canonicalName ?? a.unitId };
            case 'UNIT_KIND':
              return { dimension, value: unit?.kind ?? '', label: unit?.kind ?? '' };
            case 'CATEGORY':
              return { dimension, value: String(category?.number ?? ''), label: category?.title ?? '' };
            case 'KEY_TASK':
              return { dimension, value: String(task?.number ?? ''), label: task?.title ?? '' };
            case 'STATUS':
              return { dimension, value: status, label: STATUS_INFO[status].label.zh };
            case 'ROLE':
              return { dimension, value: a.role, label: a.role === 'LEAD' ? '牵头单位' : '责任单位' };
            default:
              return assertNever(dimension);
          }
        });
        const id = key.map((k) => k.value).join('\u0000');
        let group = groups.get(id);
        if (!group) {
          group = { key, counts: new Map(), total: 0 };
          groups.set(id, group);
        }
        group.total++;
        group.counts.set(status, (group.counts.get(status) ?? 0) + 1);
      }
      return [...groups.values()];
    },
  }),
);
