import { request } from '../../graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '../../graphql/graphql';
import { QUERY_KEYS, STATUS_VIEWS } from '../../graphql/query-keys';
import { UserErrorFields } from '../../graphql/user-errors';

/** The loaded years with their notices, the local days, and what covers which span. */
export const WorkCalendarQuery = graphql(`
  query WorkCalendar {
    workCalendar {
      from
      to
      years { year docNumber notices origin offDays workDays updatedAt }
      localDays { date kind name note }
    }
  }
`);

/** Each day of one year as the calendar classifies it (for the year grid). */
export const CalendarDaysQuery = graphql(`
  query CalendarDays($from: Date!, $to: Date!) {
    workCalendar {
      days(from: $from, to: $to) { date weekday kind isWorkingDay name { zh } source note estimated }
    }
  }
`);

export type WorkCalendarData = ResultOf<typeof WorkCalendarQuery>['workCalendar'];
export type CalendarYearRow = WorkCalendarData['years'][number];
export type LocalDayRow = WorkCalendarData['localDays'][number];
export type CalendarDayInfo = ResultOf<typeof CalendarDaysQuery>['workCalendar']['days'][number];

export const calendarQuery = {
  queryKey: [...QUERY_KEYS.calendar, 'summary'],
  queryFn: async () => (await request(WorkCalendarQuery)).workCalendar,
};

export function calendarDaysQuery(year: number) {
  return {
    queryKey: [...QUERY_KEYS.calendar, 'days', year],
    queryFn: async () =>
      (await request(CalendarDaysQuery, { from: `${year}-01-01`, to: `${year}-12-31` })).workCalendar.days,
  };
}

/** A calendar change moves statuses and scores: everything showing them is read again. */
export const CALENDAR_CHANGES = [
  QUERY_KEYS.calendar,
  ...STATUS_VIEWS,
  QUERY_KEYS.assessment,
  QUERY_KEYS.unitScore,
  QUERY_KEYS.audit,
];

export const LoadCalendarYearMutation = graphql(
  `
  mutation LoadCalendarYear($input: LoadCalendarYearInput!) {
    loadCalendarYear(input: $input) {
      calendarYear { year offDays workDays }
      userErrors { ...UserErrorFields }
    }
  }
`,
  [UserErrorFields],
);
export type LoadCalendarYearInput = VariablesOf<typeof LoadCalendarYearMutation>['input'];

export const RemoveCalendarYearMutation = graphql(
  `
  mutation RemoveCalendarYear($year: Int!) {
    removeCalendarYear(year: $year) { removedYear userErrors { ...UserErrorFields } }
  }
`,
  [UserErrorFields],
);

export const SetLocalDayMutation = graphql(
  `
  mutation SetLocalDay($input: SetLocalDayInput!) {
    setLocalDay(input: $input) { day { date } userErrors { ...UserErrorFields } }
  }
`,
  [UserErrorFields],
);

export const RemoveLocalDayMutation = graphql(
  `
  mutation RemoveLocalDay($date: Date!) {
    removeLocalDay(date: $date) { removedDate userErrors { ...UserErrorFields } }
  }
`,
  [UserErrorFields],
);

/** What a day is, in the words of the page's legend. */
export function dayLabel(d: CalendarDayInfo): string {
  const local = d.source === 'LOCAL';
  switch (d.kind) {
    case 'HOLIDAY':
      return local ? `地方休息日:${d.name?.zh ?? ''}` : `放假:${d.name?.zh ?? ''}`;
    case 'MAKEUP_WORKDAY':
      return local ? `地方工作日:${d.name?.zh ?? ''}` : `调休上班:${d.name?.zh ?? ''}`;
    case 'WEEKEND':
      return d.estimated ? '周末(估算)' : '周末';
    default:
      return d.estimated ? '工作日(估算)' : local ? `地方工作日:${d.note ?? ''}` : '工作日';
  }
}
