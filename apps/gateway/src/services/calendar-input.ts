import {
  CoreError,
  type HolidayDayEntry,
  type HolidayYear,
  type LocalDay,
  type WorkCalendar,
} from '@qxg/disclosure-core';
import { type UserErrorShape, UserErrors, userError } from '../schema/user-errors';
import { buildCalendar, type CalendarData } from './calendar';

// What the office enters for the work calendar, checked before anything is written: a State
// Council arrangement (the holiday-cn JSON, or the days typed into the form) and local days. Every
// problem is a user error, Chinese first; the core's createWorkCalendar has the last word.

/** A day of an arrangement as the form sends it. */
export interface ArrangementDayInput {
  readonly date: string;
  /** `off` (放假) or `work` (调休上班). */
  readonly kind: string;
  readonly name: string;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isCalendarDay(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

function invalid(zh: string, en: string, field: readonly string[]): UserErrorShape {
  return userError('INVALID_CALENDAR', { zh, en }, field);
}

/**
 * Reads a holiday-cn file (`{ year, papers: [url], days: [{ name, date, isOffDay }] }`, the format
 * of NateScarlet/holiday-cn and of packages/disclosure-core/data/holiday-cn/) into the year, its
 * notices and its days; throws user errors naming what is wrong.
 */
export function readHolidayCnJson(text: string): {
  year: number;
  notices: string[];
  days: ArrangementDayInput[];
} {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UserErrors([
      invalid(`不是有效的JSON:${(error as Error).message}`, `Not valid JSON: ${(error as Error).message}`, [
        'holidayCnJson',
      ]),
    ]);
  }
  const o = data as { year?: unknown; papers?: unknown; days?: unknown };
  const errors: UserErrorShape[] = [];
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new UserErrors([
      invalid(
        '节假日安排须为JSON对象(含year、papers、days)。',
        'Expected an object with year, papers, days.',
        ['holidayCnJson'],
      ),
    ]);
  }
  if (!Number.isInteger(o.year))
    errors.push(invalid('缺少年份(year)。', 'The year is missing.', ['holidayCnJson', 'year']));
  const papers = Array.isArray(o.papers) ? o.papers : [];
  if (o.papers !== undefined && (!Array.isArray(o.papers) || papers.some((p) => typeof p !== 'string')))
    errors.push(
      invalid('papers须为通知网址的列表。', 'papers must be a list of addresses.', [
        'holidayCnJson',
        'papers',
      ]),
    );
  if (!Array.isArray(o.days) || o.days.length === 0)
    errors.push(invalid('days须为非空列表。', 'days must be a non-empty list.', ['holidayCnJson', 'days']));
  const days: ArrangementDayInput[] = [];
  (Array.isArray(o.days) ? o.days : []).forEach((d: unknown, i) => {
    const day = d as { name?: unknown; date?: unknown; isOffDay?: unknown };
    if (
      d === null ||
      typeof d !== 'object' ||
      typeof day.date !== 'string' ||
      typeof day.name !== 'string' ||
      typeof day.isOffDay !== 'boolean'
    ) {
      errors.push(
        invalid(`第${i + 1}天须含name、date与isOffDay。`, `Day ${i + 1} needs name, date and isOffDay.`, [
          'holidayCnJson',
          'days',
          String(i),
        ]),
      );
      return;
    }
    days.push({ date: day.date, kind: day.isOffDay ? 'off' : 'work', name: day.name });
  });
  if (errors.length > 0) throw new UserErrors(errors);
  return { year: o.year as number, notices: papers as string[], days };
}

/** The core's calendar of the data, its refusal as a user error. */
export function calendarOrErrors(data: CalendarData, field: readonly string[]): WorkCalendar {
  try {
    return buildCalendar(data);
  } catch (error) {
    if (!(error instanceof CoreError)) throw error;
    throw new UserErrors([
      userError(
        error.code === 'DATE_OUT_OF_CALENDAR' ? 'OUTSIDE_CALENDAR' : 'INVALID_CALENDAR',
        { zh: `工作日历无效:${error.message}`, en: `The work calendar is not valid: ${error.message}` },
        field,
      ),
    ]);
  }
}

/** True when the years form one run without gaps (what the core requires). */
export function contiguous(years: readonly number[]): boolean {
  const sorted = [...years].sort((a, b) => a - b);
  return sorted.every((y, i) => i === 0 || y === (sorted[i - 1] ?? y) + 1);
}

/**
 * Checks one year's arrangement against the stored calendar and returns the calendar it makes
 * (the stored years with this one added or replaced, the local days kept). Throws user errors.
 */
export function checkArrangement(
  stored: CalendarData,
  input: {
    readonly year: number;
    readonly notices: readonly string[];
    readonly days: readonly ArrangementDayInput[];
  },
): { year: HolidayYear; calendar: WorkCalendar } {
  const errors: UserErrorShape[] = [];
  const { year } = input;
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    errors.push(
      invalid(`年份须在2000至2100之间,收到${year}。`, `The year must lie in 2000–2100, got ${year}.`, [
        'year',
      ]),
    );
  for (const [i, url] of input.notices.entries()) {
    if (!/^https?:\/\/\S+$/.test(url))
      errors.push(
        userError('INVALID_URL', { zh: `通知网址无效:${url}`, en: `Not an http(s) address: ${url}` }, [
          'notices',
          String(i),
        ]),
      );
  }
  if (input.days.length === 0)
    errors.push(
      invalid('请至少填写一天(放假或调休上班)。', 'Give at least one day (off or make-up workday).', [
        'days',
      ]),
    );
  const listedElsewhere = new Map<string, number>();
  for (const y of stored.years)
    if (y.year !== year) for (const [date] of y.days) listedElsewhere.set(date, y.year);
  const seen = new Set<string>();
  const days: HolidayDayEntry[] = [];
  input.days.forEach((d, i) => {
    const field = ['days', String(i)];
    if (!isCalendarDay(d.date)) {
      errors.push(
        invalid(`第${i + 1}天的日期无效:${d.date}`, `Day ${i + 1}: not a date: ${d.date}`, [
          ...field,
          'date',
        ]),
      );
      return;
    }
    const y = Number(d.date.slice(0, 4));
    if (Math.abs(y - year) > 1)
      errors.push(
        invalid(
          `${d.date}不在${year}年安排的范围内(只可含相邻年份的个别日期)。`,
          `${d.date} is not part of the ${year} arrangement (only days next to the year may be listed).`,
          [...field, 'date'],
        ),
      );
    if (d.kind !== 'off' && d.kind !== 'work')
      errors.push(
        invalid(`${d.date}:类别须为放假或调休上班。`, `${d.date}: the kind must be off or work.`, [
          ...field,
          'kind',
        ]),
      );
    if (d.name.trim() === '')
      errors.push(
        invalid(`${d.date}:请填写节日名称(如春节)。`, `${d.date}: name the holiday (e.g. 春节).`, [
          ...field,
          'name',
        ]),
      );
    if (seen.has(d.date))
      errors.push(invalid(`${d.date}重复列出。`, `${d.date} is listed twice.`, [...field, 'date']));
    const other = listedElsewhere.get(d.date);
    if (other !== undefined)
      errors.push(
        invalid(
          `${d.date}已列在${other}年的安排中。`,
          `${d.date} is already listed in the ${other} arrangement.`,
          [...field, 'date'],
        ),
      );
    seen.add(d.date);
    days.push([d.date, d.kind === 'work' ? 'work' : 'off', d.name.trim()]);
  });
  const years = [...stored.years.filter((y) => y.year !== year).map((y) => y.year), year];
  if (errors.length === 0 && !contiguous(years)) {
    const sorted = stored.years.map((y) => y.year);
    errors.push(
      userError(
        'CALENDAR_NOT_CONTIGUOUS',
        {
          zh: `已载入${sorted[0]}至${sorted.at(-1)}年,只能载入${(sorted.at(-1) ?? year) + 1}年或${(sorted[0] ?? year) - 1}年(或重新载入已有年份)。`,
          en: `Years ${sorted[0]}–${sorted.at(-1)} are loaded: load ${(sorted.at(-1) ?? year) + 1} or ${(sorted[0] ?? year) - 1} (or reload a loaded year).`,
        },
        ['year'],
      ),
    );
  }
  if (errors.length > 0) throw new UserErrors(errors);
  const holidayYear: HolidayYear = {
    year,
    notices: [...input.notices],
    days: days.sort((a, b) => a[0].localeCompare(b[0])),
  };
  const calendar = calendarOrErrors(
    { years: [...stored.years.filter((y) => y.year !== year), holidayYear], localDays: stored.localDays },
    ['days'],
  );
  return { year: holidayYear, calendar };
}

/** Checks a local day against the stored calendar (its date inside the loaded years). Throws user errors. */
export function checkLocalDay(stored: CalendarData, day: LocalDay): WorkCalendar {
  const errors: UserErrorShape[] = [];
  if (!isCalendarDay(day.date))
    errors.push(invalid(`日期无效:${day.date}`, `Not a date: ${day.date}`, ['date']));
  if (day.kind !== 'holiday' && day.kind !== 'workday')
    errors.push(invalid('类别须为休息日或工作日。', 'The kind must be holiday or workday.', ['kind']));
  if (day.name.trim() === '')
    errors.push(invalid('请填写名称(如彝族年、临时闭馆)。', 'Give the day a name (e.g. 彝族年).', ['name']));
  const years = stored.years.map((y) => y.year);
  const y = Number(day.date.slice(0, 4));
  if (errors.length === 0 && years.length > 0 && !years.includes(y)) {
    errors.push(
      userError(
        'OUTSIDE_CALENDAR',
        {
          zh: `${day.date}不在已载入的年份(${years[0]}至${years.at(-1)}年)内,请先载入${y}年的节假日安排。`,
          en: `${day.date} lies outside the loaded years ${years[0]}–${years.at(-1)}: load the ${y} arrangement first.`,
        },
        ['date'],
      ),
    );
  }
  if (errors.length > 0) throw new UserErrors(errors);
  return calendarOrErrors(
    { years: stored.years, localDays: [...stored.localDays.filter((l) => l.date !== day.date), day] },
    ['date'],
  );
}
