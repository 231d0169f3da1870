import { resolveArrayConnection } from '@pothos/plugin-relay';
import {
  STATUS_INFO,
  type StatusClass,
  TRAFFIC_LIGHT_LABELS,
  type TrafficLight,
  UNIT_KINDS,
  WORK_ITEM_STATUSES,
  type WorkItemStatus,
} from '@qxg/disclosure-core';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { builder, MAX_PAGE } from '../builder';
import { dayOutOfRange } from '../services/day-range';
import type { StatusView } from '../services/status';
import { LocalizedText } from './user-errors';

export { LocalizedText, UserError, type UserErrorShape } from './user-errors';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new GraphQLError(`Date must be a calendar day YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  if (new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new GraphQLError(`Date ${value} does not exist`);
  }
  const outside = dayOutOfRange(value);
  if (outside) throw new GraphQLError(outside, { extensions: { code: 'DATE_OUT_OF_RANGE' } });
  return value;
}

builder.addScalarType(
  'Date',
  new GraphQLScalarType<string, string>({
    name: 'Date',
    description: 'A China calendar day, `YYYY-MM-DD` (not an instant), between 2000-01-01 and 2100-12-31.',
    serialize: (v) => String(v),
    parseValue: parseDate,
    parseLiteral: (ast) => {
      if (ast.kind !== Kind.STRING) throw new GraphQLError('Date must be a string YYYY-MM-DD');
      return parseDate(ast.value);
    },
  }),
);

builder.addScalarType(
  'DateTime',
  new GraphQLScalarType<Date, string>({
    name: 'DateTime',
    description: 'An instant, ISO 8601 in UTC.',
    serialize: (v) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString()),
    parseValue: (v) => {
      const d = new Date(String(v));
      if (Number.isNaN(d.getTime())) throw new GraphQLError('DateTime must be ISO 8601');
      return d;
    },
  }),
);

function literalValue(ast: import('graphql').ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.LIST:
      return ast.values.map(literalValue);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literalValue(f.value)]));
    case Kind.NULL:
      return null;
    default:
      throw new GraphQLError('JSON literals cannot contain variables');
  }
}

builder.addScalarType(
  'JSON',
  new GraphQLScalarType<unknown, unknown>({
    name: 'JSON',
    description: 'A JSON value (parsed deadlines, scheme definitions, audit snapshots).',
    serialize: (v) => v,
    parseValue: (v) => v,
    parseLiteral: literalValue,
  }),
);

/** A status value as the API carries it: the core's work item statuses (a superset of a duty's). */
export type DeadlineStatusValue = WorkItemStatus;

export const DeadlineStatusEnum = builder.enumType('DeadlineStatus', {
  description:
    'A duty’s state as of a date, as computed by @qxg/disclosure-core (docs/deadlines.md), most urgent first; AWAITING_RESPONSIBLE and NO_ASSIGNMENTS occur on work items only (the core’s roll-up). Each value’s description is its Chinese label and meaning from the core’s STATUS_INFO.',
  values: Object.fromEntries(
    WORK_ITEM_STATUSES.map((s) => [
      s.toUpperCase(),
      {
        value: s,
        description: `${STATUS_INFO[s].label.zh}:${STATUS_INFO[s].meaning.zh} (${STATUS_INFO[s].meaning.en})`,
      },
    ]),
  ) as Record<Uppercase<WorkItemStatus>, { value: WorkItemStatus; description: string }>,
});

const StatusClassEnum = builder.enumType('StatusClass', {
  description: 'What a status means for the office’s work (the core’s StatusClass).',
  values: [
    'late',
    'due_soon',
    'open',
    'waiting',
    'done',
    'unknown',
  ] as const satisfies readonly StatusClass[],
});

const TrafficLightEnum = builder.enumType('TrafficLight', {
  description: '红 / 黄 / 绿 and the neutral 蓝 / 灰 (the core’s TrafficLight).',
  values: Object.fromEntries(
    (Object.keys(TRAFFIC_LIGHT_LABELS) as TrafficLight[]).map((l) => [
      l.toUpperCase(),
      { value: l, description: TRAFFIC_LIGHT_LABELS[l] },
    ]),
  ) as Record<Uppercase<TrafficLight>, { value: TrafficLight; description: string }>,
});

export const UnitKindEnum = builder.enumType('UnitKind', {
  values: Object.fromEntries(UNIT_KINDS.map((k) => [k.toUpperCase(), { value: k }])) as Record<
    string,
    { value: string }
  >,
});

export const AssignmentRoleEnum = builder.enumType('AssignmentRole', {
  values: {
    LEAD: { value: 'LEAD', description: '牵头单位' },
    RESPONSIBLE: { value: 'RESPONSIBLE', description: '责任单位' },
  } as const,
});

export const ProgressStateEnum = builder.enumType('ProgressState', {
  values: ['STARTED', 'PARTIAL', 'DONE'] as const,
});

export const PublicityEnum = builder.enumType('Publicity', {
  values: ['PUBLIC', 'ON_REQUEST', 'NOT_PUBLIC'] as const,
});

export const RoleEnum = builder.enumType('Role', {
  values: {
    ADMIN: { value: 'ADMIN', description: 'The district office: writes everything.' },
    REPORTER: { value: 'REPORTER', description: 'Bound to one unit: writes its own assignments’ progress.' },
    ANALYST: { value: 'ANALYST', description: 'Reads everything, writes nothing.' },
  } as const,
});

export const OutsideEventKindEnum = builder.enumType('OutsideEventKind', {
  values: ['PLATFORM_LIVE', 'COMMENDATION', 'CRITICISM', 'TRAINING', 'EXPERIENCE_PROMOTED', 'OTHER'] as const,
});

export const OrderDirectionEnum = builder.enumType('OrderDirection', { values: ['ASC', 'DESC'] as const });

export const StatusInfo = builder.objectRef<StatusView>('StatusInfo').implement({
  description: 'A computed status with the facts it was computed from.',
  fields: (t) => ({
    asOf: t.exposeString('asOf', { description: 'The day the status is computed for.' }),
    status: t.field({ type: DeadlineStatusEnum, resolve: (s) => s.status }),
    label: t.field({
      type: LocalizedText,
      description: 'The status’s short label, from the core’s STATUS_INFO (e.g. 已逾期 / Overdue).',
      resolve: (s) => STATUS_INFO[s.status].label,
    }),
    class: t.field({ type: StatusClassEnum, resolve: (s) => STATUS_INFO[s.status].class }),
    light: t.field({ type: TrafficLightEnum, resolve: (s) => STATUS_INFO[s.status].light }),
    color: t.string({
      description: 'The colour of the status’s tag and chart slice, `#rrggbb` (the core’s STATUS_INFO).',
      resolve: (s) => STATUS_INFO[s.status].color,
    }),
    dueOn: t.string({
      nullable: true,
      description: 'Due day (YYYY-MM-DD) relevant as of asOf.',
      resolve: (s) => s.dueOn,
    }),
    isOverdue: t.exposeBoolean('isOverdue'),
    workingDaysLeft: t.int({ nullable: true, resolve: (s) => s.workingDaysLeft }),
    estimated: t.exposeBoolean('estimated', {
      description: 'True when the date is outside the work calendar’s years (weekends-only estimate).',
    }),
    explanation: t.field({ type: LocalizedText, resolve: (s) => s.explanation }),
  }),
});

export interface PageArgs {
  readonly first?: number | null | undefined;
  readonly last?: number | null | undefined;
  readonly after?: string | null | undefined;
  readonly before?: string | null | undefined;
}

/** Pages an in-memory list; `first`/`last` must be 1..100 (default 100). */
export function page<T>(args: PageArgs, items: readonly T[]) {
  for (const key of ['first', 'last'] as const) {
    const v = args[key];
    if (v !== null && v !== undefined && (v < 1 || v > MAX_PAGE)) {
      throw new GraphQLError(`${key} must be between 1 and ${MAX_PAGE}, got ${v}`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
  }
  return resolveArrayConnection({ args, defaultSize: MAX_PAGE, maxSize: MAX_PAGE }, [...items]);
}

/** The `asOf` argument or, by default, today in China. */
export function asOfArg(asOf: string | null | undefined, today: string): string {
  return asOf ?? today;
}
