import type { CalendarDay, CalendarYear, QxgPrismaClient } from '@qxg/db';
import type { DayInfo, LocalizedMessage } from '@qxg/disclosure-core';
import { GraphQLError } from 'graphql';
import { scopeOf } from '../auth-scopes';
import { builder } from '../builder';
import { type Tx, writeAudit } from '../services/audit';
import { calendarOf, readCalendarData, writeCalendarYear } from '../services/calendar';
import { checkArrangement, checkLocalDay, contiguous, readHolidayCnJson } from '../services/calendar-input';
import { inputMutation } from './admin-mutation';
import { fail, payloadType, refused, runMutation, viewerOf } from './mutation-kit';
import { UserRef } from './refs';
import { LocalizedText } from './user-errors';

// The work calendar as data (docs/deadlines.md "The calendar as data"): the loaded State Council
// arrangements and local days, each day's kind for a span, and the office's mutations.

const CalendarOriginEnum = builder.enumType('CalendarOrigin', {
  values: {
    EMBEDDED: { description: 'Seeded from the arrangements @qxg/disclosure-core embeds.' },
    LOADED: { description: 'Loaded by the office (a new year’s notice, or a corrected one).' },
  } as const,
});

const CalendarScopeEnum = builder.enumType('CalendarScope', {
  values: {
    NATIONAL: { description: 'Part of a State Council arrangement (国务院办公厅通知).' },
    LOCAL: { description: 'The district’s own addition (a festival, a closure).' },
  } as const,
});

const CalendarDayKindEnum = builder.enumType('CalendarDayKind', {
  values: {
    OFF: { description: '放假: a national holiday day.' },
    WORK: { description: '调休上班: a national make-up working day.' },
    HOLIDAY: { description: 'A local day off (a festival such as 彝族年, a closure).' },
    WORKDAY: { description: 'A local working day.' },
  } as const,
});

const DayKindEnum = builder.enumType('DayKind', {
  values: {
    WORKDAY: { description: 'An ordinary working day.' },
    WEEKEND: { description: 'Saturday or Sunday, not worked.' },
    HOLIDAY: { description: 'A day off: 放假, or a local day off.' },
    MAKEUP_WORKDAY: { description: 'A weekend day worked: 调休上班, or a local working day.' },
  } as const,
});

const DaySourceEnum = builder.enumType('DaySource', {
  values: {
    NOTICE: {
      description: 'A State Council arrangement says so (or the weekend rule inside a loaded year).',
    },
    LOCAL: { description: 'A local day.' },
    ESTIMATE: { description: 'Past the loaded years: weekends only, an estimate.' },
  } as const,
});

const KIND_OF_ROW = { off: 'OFF', work: 'WORK', holiday: 'HOLIDAY', workday: 'WORKDAY' } as const;

const CalendarDayRef = builder.objectRef<CalendarDay>('CalendarDay').implement({
  description: 'A day that differs from the weekend rule: 放假, 调休上班, or a local day.',
  fields: (t) => ({
    date: t.exposeString('date', { description: 'YYYY-MM-DD' }),
    scope: t.field({ type: CalendarScopeEnum, resolve: (d) => d.scope as 'NATIONAL' | 'LOCAL' }),
    kind: t.field({
      type: CalendarDayKindEnum,
      resolve: (d) => KIND_OF_ROW[d.kind as keyof typeof KIND_OF_ROW] ?? 'OFF',
    }),
    name: t.exposeString('name', { description: 'The holiday (春节) or the local day’s name (彝族年).' }),
    year: t.exposeInt('year', { nullable: true, description: 'For national days: the arrangement’s year.' }),
    note: t.exposeString('note', {
      nullable: true,
      description: 'For local days: where the rule comes from.',
    }),
    createdBy: t.field({
      type: UserRef,
      nullable: true,
      resolve: (d, _a, ctx) =>
        d.createdById ? ctx.prisma.user.findUnique({ where: { id: d.createdById } }) : null,
    }),
  }),
});

interface YearView extends CalendarYear {
  readonly days: readonly CalendarDay[];
}

const CalendarYearRef = builder.objectRef<YearView>('CalendarYear').implement({
  description: 'One year’s State Council arrangement (国务院办公厅关于YYYY年部分节假日安排的通知).',
  fields: (t) => ({
    year: t.exposeInt('year'),
    docNumber: t.exposeString('docNumber', { nullable: true, description: 'The notice’s 文号, when given.' }),
    notices: t.stringList({
      description: 'Addresses of the notices the days were read from.',
      resolve: (y) => (Array.isArray(y.notices) ? (y.notices as string[]) : []),
    }),
    origin: t.field({ type: CalendarOriginEnum, resolve: (y) => y.origin as 'EMBEDDED' | 'LOADED' }),
    loadedBy: t.field({
      type: UserRef,
      nullable: true,
      resolve: (y, _a, ctx) =>
        y.loadedById ? ctx.prisma.user.findUnique({ where: { id: y.loadedById } }) : null,
    }),
    updatedAt: t.field({ type: 'DateTime', resolve: (y) => y.updatedAt }),
    days: t.field({
      type: [CalendarDayRef],
      description: 'Its 放假 and 调休上班 days.',
      resolve: (y) => [...y.days],
    }),
    offDays: t.int({ resolve: (y) => y.days.filter((d) => d.kind === 'off').length }),
    workDays: t.int({
      description: '调休上班 days.',
      resolve: (y) => y.days.filter((d) => d.kind === 'work').length,
    }),
  }),
});

const SOURCE_OF = { notice: 'NOTICE', local: 'LOCAL', estimate: 'ESTIMATE' } as const;
const DAY_KIND_OF = {
  workday: 'WORKDAY',
  weekend: 'WEEKEND',
  holiday: 'HOLIDAY',
  makeupWorkday: 'MAKEUP_WORKDAY',
} as const;

const CalendarDayInfoRef = builder.objectRef<DayInfo>('CalendarDayInfo').implement({
  description: 'What kind of day a date is in the work calendar, and why (the core’s dayInfo).',
  fields: (t) => ({
    date: t.exposeString('date'),
    weekday: t.exposeInt('weekday', { description: '0 = Sunday … 6 = Saturday.' }),
    kind: t.field({ type: DayKindEnum, resolve: (d) => DAY_KIND_OF[d.kind] }),
    isWorkingDay: t.exposeBoolean('isWorkingDay'),
    name: t.field({
      type: LocalizedText,
      nullable: true,
      description: 'The holiday a day off or a make-up working day belongs to.',
      resolve: (d): LocalizedMessage | null =>
        d.kind === 'holiday' ? d.holiday : d.kind === 'makeupWorkday' ? d.serves : null,
    }),
    source: t.field({ type: DaySourceEnum, resolve: (d) => SOURCE_OF[d.source.kind] }),
    note: t.string({
      nullable: true,
      description: 'For a local day: its note (or name).',
      resolve: (d) => (d.source.kind === 'local' ? d.source.note : null),
    }),
    estimated: t.exposeBoolean('estimated', {
      description: 'True past the loaded years: only the weekend rule was applied.',
    }),
  }),
});

interface CalendarView {
  readonly years: readonly YearView[];
  readonly localDays: readonly CalendarDay[];
}

/** The longest span `WorkCalendar.days` answers (a year and a bit: one calendar page). */
export const MAX_CALENDAR_SPAN_DAYS = 400;

function dayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
}

const WorkCalendarRef = builder.objectRef<CalendarView>('WorkCalendar').implement({
  description:
    'The work calendar statuses and scores are computed with: the loaded arrangements and local days. Days past the last loaded year are estimated (weekends only).',
  fields: (t) => ({
    from: t.string({
      description: 'First day covered (1 January of the first loaded year).',
      resolve: async (_c, _a, ctx) => (await calendarOf(ctx)).coverage().from,
    }),
    to: t.string({
      description: 'Last day covered (31 December of the last loaded year); later days are estimated.',
      resolve: async (_c, _a, ctx) => (await calendarOf(ctx)).coverage().to,
    }),
    years: t.field({ type: [CalendarYearRef], resolve: (c) => [...c.years] }),
    localDays: t.field({ type: [CalendarDayRef], resolve: (c) => [...c.localDays] }),
    days: t.field({
      type: [CalendarDayInfoRef],
      description: `Each day from \`from\` to \`to\` (at most ${MAX_CALENDAR_SPAN_DAYS} days), as the calendar classifies it.`,
      args: { from: t.arg({ type: 'Date', required: true }), to: t.arg({ type: 'Date', required: true }) },
      resolve: async (_c, args, ctx) => {
        const span = dayNumber(args.to) - dayNumber(args.from) + 1;
        if (span < 1 || span > MAX_CALENDAR_SPAN_DAYS) {
          throw new GraphQLError(
            `日期范围须为1至${MAX_CALENDAR_SPAN_DAYS}天。The span must be 1 to ${MAX_CALENDAR_SPAN_DAYS} days, got ${span}.`,
            { extensions: { code: 'BAD_USER_INPUT' } },
          );
        }
        const calendar = await calendarOf(ctx);
        const start = dayNumber(args.from);
        return Array.from({ length: span }, (_, i) =>
          calendar.dayInfo(new Date((start + i) * 86_400_000).toISOString().slice(0, 10), {
            outsideCoverage: 'estimate',
          }),
        );
      },
    }),
  }),
});

async function calendarView(reader: Tx | QxgPrismaClient): Promise<CalendarView> {
  const [years, days] = await Promise.all([
    reader.calendarYear.findMany({ orderBy: { year: 'asc' } }),
    reader.calendarDay.findMany({ orderBy: { date: 'asc' } }),
  ]);
  const national = days.filter((d) => d.scope === 'NATIONAL');
  return {
    years: years.map((y) => ({ ...y, days: national.filter((d) => d.year === y.year) })),
    localDays: days.filter((d) => d.scope === 'LOCAL'),
  };
}

builder.queryField('workCalendar', (t) =>
  t.field({
    type: WorkCalendarRef,
    description: 'The work calendar as stored (public facts: anyone may read it).',
    resolve: (_r, _a, ctx) => calendarView(ctx.prisma),
  }),
);

const ArrangementDayInput = builder.inputType('CalendarArrangementDayInput', {
  fields: (t) => ({
    date: t.field({ type: 'Date', required: true }),
    kind: t.field({
      type: CalendarDayKindEnum,
      required: true,
      description: 'OFF (放假) or WORK (调休上班).',
    }),
    name: t.string({ required: true, description: 'The holiday, as the notice names it (春节).' }),
  }),
});

const LoadCalendarYearInput = builder.inputType('LoadCalendarYearInput', {
  description:
    'One year’s State Council arrangement: either `holidayCnJson` (the holiday-cn file: year, papers, days with isOffDay) or `year` and `days` typed into the form. A year already loaded is replaced.',
  fields: (t) => ({
    year: t.int({ description: 'The notice’s year (taken from the JSON when omitted).' }),
    docNumber: t.string({ description: 'The notice’s 文号 (国办发明电〔2026〕x号).' }),
    notices: t.stringList({ description: 'Addresses of the notice(s); added to the JSON’s papers.' }),
    days: t.field({ type: [ArrangementDayInput], description: 'The 放假 and 调休上班 days.' }),
    holidayCnJson: t.string({ description: 'The arrangement as a holiday-cn JSON file.' }),
  }),
});

const LoadCalendarYearPayload = payloadType<{ calendarYear: YearView | null }>(
  'LoadCalendarYearPayload',
  (t) => ({
    calendarYear: t.field({ type: CalendarYearRef, nullable: true, resolve: (p) => p.calendarYear }),
  }),
);

const RemoveCalendarYearPayload = payloadType<{ removedYear: number | null }>(
  'RemoveCalendarYearPayload',
  (t) => ({
    removedYear: t.int({ nullable: true, resolve: (p) => p.removedYear }),
  }),
);

const SetLocalDayInput = builder.inputType('SetLocalDayInput', {
  description:
    'A local day: a festival or a closure (HOLIDAY), or a local working day (WORKDAY). Replaces the day’s previous local entry.',
  fields: (t) => ({
    date: t.field({ type: 'Date', required: true }),
    kind: t.field({ type: CalendarDayKindEnum, required: true, description: 'HOLIDAY or WORKDAY.' }),
    name: t.string({ required: true, description: 'e.g. 彝族年, 临时闭馆.' }),
    note: t.string({ description: 'Where the rule comes from (a regulation, a notice).' }),
  }),
});

const SetLocalDayPayload = payloadType<{ day: CalendarDay | null }>('SetLocalDayPayload', (t) => ({
  day: t.field({ type: CalendarDayRef, nullable: true, resolve: (p) => p.day }),
}));

const RemoveLocalDayPayload = payloadType<{ removedDate: string | null }>('RemoveLocalDayPayload', (t) => ({
  removedDate: t.string({ nullable: true, resolve: (p) => p.removedDate }),
}));

async function yearView(tx: Tx, year: number): Promise<YearView | null> {
  const row = await tx.calendarYear.findUnique({ where: { year } });
  if (!row) return null;
  const days = await tx.calendarDay.findMany({
    where: { scope: 'NATIONAL', year },
    orderBy: { date: 'asc' },
  });
  return { ...row, days };
}

const DAY_KIND_INPUT = { OFF: 'off', WORK: 'work', HOLIDAY: 'holiday', WORKDAY: 'workday' } as const;

builder.mutationFields((t) => ({
  loadCalendarYear: inputMutation(t, {
    type: LoadCalendarYearPayload,
    input: LoadCalendarYearInput,
    permission: 'manageCalendar',
    description:
      'ADMIN: loads (or replaces) one year’s State Council arrangement, checked by the core’s createWorkCalendar; the years stay contiguous. Statuses and scores use it at once.',
    empty: { calendarYear: null },
    run: async (tx, input, viewer) => {
      const fromJson = input.holidayCnJson ? readHolidayCnJson(input.holidayCnJson) : null;
      if (fromJson && input.year && fromJson.year !== input.year) {
        fail(
          'INVALID_CALENDAR',
          {
            zh: `JSON中的年份(${fromJson.year})与所填年份(${input.year})不一致。`,
            en: `The JSON’s year ${fromJson.year} differs from the year given, ${input.year}.`,
          },
          ['year'],
        );
      }
      const year = fromJson?.year ?? input.year;
      if (!year) fail('INVALID_CALENDAR', { zh: '请填写年份。', en: 'Give the year.' }, ['year']);
      const days = [
        ...(fromJson?.days ?? []),
        ...(input.days ?? []).map((d) => ({ date: d.date, kind: DAY_KIND_INPUT[d.kind], name: d.name })),
      ];
      if ((input.days ?? []).some((d) => d.kind !== 'OFF' && d.kind !== 'WORK')) {
        fail(
          'INVALID_CALENDAR',
          { zh: '全国安排的日期只能是放假或调休上班。', en: 'National days are OFF or WORK.' },
          ['days'],
        );
      }
      const notices = [...new Set([...(fromJson?.notices ?? []), ...(input.notices ?? [])])];
      const stored = await readCalendarData(tx);
      const checked = checkArrangement(stored, { year, notices, days });
      const before = await yearView(tx, year);
      await writeCalendarYear(tx, checked.year, {
        origin: 'LOADED',
        docNumber: input.docNumber?.trim() || null,
        actorId: viewer.id,
      });
      const after = await yearView(tx, year);
      await writeAudit(tx, {
        actorId: viewer.id,
        action: 'loadCalendarYear',
        entityType: 'CalendarYear',
        entityId: String(year),
        ...(before ? { before: summary(before) } : {}),
        after: after ? summary(after) : null,
      });
      return { calendarYear: after };
    },
  }),
  removeCalendarYear: t.field({
    type: RemoveCalendarYearPayload,
    description:
      'ADMIN: removes a year the office loaded (the first or the last, so the years stay contiguous; no local day in it). Embedded years stay.',
    args: { year: t.arg.int({ required: true }) },
    authScopes: scopeOf('manageCalendar'),
    unauthorizedResolver: refused({ removedYear: null }),
    resolve: (_r, { year }, ctx) =>
      runMutation(ctx, { removedYear: null }, async (tx) => {
        const viewer = viewerOf(ctx);
        const before = await yearView(tx, year);
        if (!before)
          fail('NOT_FOUND', { zh: `未载入${year}年的安排。`, en: `No arrangement for ${year}.` }, ['year']);
        if (before.origin !== 'LOADED') {
          fail(
            'FORBIDDEN',
            {
              zh: `${year}年的安排随系统预置,不能删除(可重新载入以更正)。`,
              en: `The ${year} arrangement is embedded: it cannot be removed (reload it to correct it).`,
            },
            ['year'],
          );
        }
        const years = (await tx.calendarYear.findMany({ select: { year: true } })).map((y) => y.year);
        const rest = years.filter((y) => y !== year);
        if (rest.length === 0 || !contiguous(rest)) {
          fail(
            'CALENDAR_NOT_CONTIGUOUS',
            {
              zh: '只能删除最早或最晚的年份,且至少保留一年。',
              en: 'Only the first or the last year can be removed, and one year must remain.',
            },
            ['year'],
          );
        }
        const locals = await tx.calendarDay.count({
          where: { scope: 'LOCAL', date: { gte: `${year}-01-01`, lte: `${year}-12-31` } },
        });
        if (locals > 0) {
          fail(
            'INVALID_CALENDAR',
            {
              zh: `${year}年还有${locals}个地方休息/工作日,请先删除。`,
              en: `${year} still has ${locals} local day(s): remove them first.`,
            },
            ['year'],
          );
        }
        await tx.calendarDay.deleteMany({ where: { scope: 'NATIONAL', year } });
        await tx.calendarYear.delete({ where: { year } });
        await writeAudit(tx, {
          actorId: viewer.id,
          action: 'removeCalendarYear',
          entityType: 'CalendarYear',
          entityId: String(year),
          before: summary(before),
        });
        return { removedYear: year };
      }),
  }),
  setLocalDay: inputMutation(t, {
    type: SetLocalDayPayload,
    input: SetLocalDayInput,
    permission: 'manageCalendar',
    description:
      'ADMIN: sets a local day (a festival or a closure off, or a local working day) inside the loaded years; it wins over the national arrangement for its date.',
    empty: { day: null },
    run: async (tx, input, viewer) => {
      if (input.kind !== 'HOLIDAY' && input.kind !== 'WORKDAY') {
        fail(
          'INVALID_CALENDAR',
          { zh: '地方日期只能是休息日或工作日。', en: 'A local day is HOLIDAY or WORKDAY.' },
          ['kind'],
        );
      }
      const kind = DAY_KIND_INPUT[input.kind];
      const name = input.name.trim();
      const note = input.note?.trim() || null;
      checkLocalDay(await readCalendarData(tx), {
        date: input.date,
        kind,
        name,
        ...(note ? { note } : {}),
      });
      const before = await tx.calendarDay.findUnique({
        where: { scope_date: { scope: 'LOCAL', date: input.date } },
      });
      const data = { kind, name, note, createdById: viewer.id };
      const day = before
        ? await tx.calendarDay.update({ where: { id: before.id }, data })
        : await tx.calendarDay.create({ data: { date: input.date, scope: 'LOCAL', year: null, ...data } });
      await writeAudit(tx, {
        actorId: viewer.id,
        action: 'setLocalDay',
        entityType: 'CalendarDay',
        entityId: input.date,
        ...(before ? { before: localSummary(before) } : {}),
        after: localSummary(day),
      });
      return { day };
    },
  }),
  removeLocalDay: t.field({
    type: RemoveLocalDayPayload,
    description: 'ADMIN: removes a local day; the national arrangement (or the weekend rule) applies again.',
    args: { date: t.arg({ type: 'Date', required: true }) },
    authScopes: scopeOf('manageCalendar'),
    unauthorizedResolver: refused({ removedDate: null }),
    resolve: (_r, { date }, ctx) =>
      runMutation(ctx, { removedDate: null }, async (tx) => {
        const viewer = viewerOf(ctx);
        const before = await tx.calendarDay.findUnique({ where: { scope_date: { scope: 'LOCAL', date } } });
        if (!before)
          fail('NOT_FOUND', { zh: `${date}没有地方日期。`, en: `No local day on ${date}.` }, ['date']);
        await tx.calendarDay.delete({ where: { id: before.id } });
        await writeAudit(tx, {
          actorId: viewer.id,
          action: 'removeLocalDay',
          entityType: 'CalendarDay',
          entityId: date,
          before: localSummary(before),
        });
        return { removedDate: date };
      }),
  }),
}));

/** What the audit log keeps of a year: its notice and its days, compactly. */
function summary(y: YearView) {
  return {
    year: y.year,
    docNumber: y.docNumber,
    notices: y.notices,
    origin: y.origin,
    off: y.days.filter((d) => d.kind === 'off').map((d) => `${d.date} ${d.name}`),
    work: y.days.filter((d) => d.kind === 'work').map((d) => `${d.date} ${d.name}`),
  };
}

function localSummary(d: CalendarDay) {
  return { date: d.date, kind: d.kind, name: d.name, note: d.note };
}
