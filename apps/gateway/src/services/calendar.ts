import type { CalendarDay, CalendarYear, Db, Prisma, QxgPrismaClient } from '@qxg/db';
import {
  CHINA_HOLIDAY_YEARS,
  createWorkCalendar,
  type HolidayDayEntry,
  type HolidayYear,
  type LocalDay,
  type WorkCalendar,
} from '@qxg/disclosure-core';
import type { Context } from '../context';
import { type Tx, writeAudit } from './audit';

// The work calendar as data (tables calendar_years and calendar_days, docs/deadlines.md "The
// calendar as data"): the State Council's arrangements the core embeds are seeded at start-up, the
// office loads new years and local days, and every status, snapshot, download and score is computed
// with the calendar built from these rows (the core's `createWorkCalendar({ years, localDays })`).

type Reader = QxgPrismaClient | Prisma.TransactionClient;

/** `calendar_years.origin`: seeded from the core's data, or entered by the office. */
export type CalendarOrigin = 'EMBEDDED' | 'LOADED';

/** What the rows say, in the core's shapes. */
export interface CalendarData {
  readonly years: readonly HolidayYear[];
  readonly localDays: readonly LocalDay[];
}

/** The rows of the two calendar tables as the core's `HolidayYear`s and `LocalDay`s. */
export function calendarDataOf(
  years: readonly Pick<CalendarYear, 'year' | 'notices'>[],
  days: readonly Pick<CalendarDay, 'date' | 'scope' | 'kind' | 'name' | 'year' | 'note'>[],
): CalendarData {
  const byYear = new Map<number, HolidayDayEntry[]>();
  const localDays: LocalDay[] = [];
  for (const d of days) {
    if (d.scope === 'LOCAL') {
      localDays.push({
        date: d.date,
        kind: d.kind === 'workday' ? 'workday' : 'holiday',
        name: d.name,
        ...(d.note ? { note: d.note } : {}),
      });
      continue;
    }
    const list = byYear.get(d.year ?? Number(d.date.slice(0, 4))) ?? [];
    list.push([d.date, d.kind === 'work' ? 'work' : 'off', d.name]);
    byYear.set(d.year ?? Number(d.date.slice(0, 4)), list);
  }
  return {
    years: [...years]
      .sort((a, b) => a.year - b.year)
      .map((y) => ({
        year: y.year,
        notices: Array.isArray(y.notices) ? (y.notices as string[]) : [],
        days: (byYear.get(y.year) ?? []).sort((a, b) => a[0].localeCompare(b[0])),
      })),
    localDays: localDays.sort((a, b) => a.date.localeCompare(b.date)),
  };
}

/**
 * The core's calendar of the data; the core's embedded years when the database holds none (a
 * database not bootstrapped yet). Throws the core's `CoreError` on invalid data.
 */
export function buildCalendar(data: CalendarData): WorkCalendar {
  if (data.years.length === 0) return createWorkCalendar({ localDays: data.localDays });
  return createWorkCalendar({ years: data.years, localDays: data.localDays });
}

/** The stored calendar in the core's shapes. */
export async function readCalendarData(reader: Reader): Promise<CalendarData> {
  const [years, days] = await Promise.all([
    reader.calendarYear.findMany({ select: { year: true, notices: true }, orderBy: { year: 'asc' } }),
    reader.calendarDay.findMany({
      select: { date: true, scope: true, kind: true, name: true, year: true, note: true },
      orderBy: [{ scope: 'asc' }, { date: 'asc' }],
    }),
  ]);
  return calendarDataOf(years, days);
}

// The last calendar built, by the content it was built from: rebuilding is skipped while the rows
// stay the same (a few hundred rows, read in two statements).
let lastBuilt: { readonly key: string; readonly calendar: WorkCalendar } | null = null;

function calendarOfData(data: CalendarData): WorkCalendar {
  const key = JSON.stringify(data);
  if (lastBuilt?.key === key) return lastBuilt.calendar;
  const calendar = buildCalendar(data);
  lastBuilt = { key, calendar };
  return calendar;
}

/**
 * The work calendar as the given client (a transaction, a batch job's client) sees the rows now:
 * use it inside a transaction, where the change marker cannot tell (it moves at commit).
 */
export async function calendarIn(reader: Reader): Promise<WorkCalendar> {
  return calendarOfData(await readCalendarData(reader));
}

const byDb = new WeakMap<Db, { readonly marker: string; readonly calendar: WorkCalendar }>();

/**
 * The work calendar of a database, kept until the database's change marker (`@qxg/db`
 * `ChangeMarker`) moves: then the rows are read again (a write from another gateway or a shell is
 * seen too). Not inside a transaction of the same client: use {@link calendarIn} there.
 */
export async function calendarFor(db: Db): Promise<WorkCalendar> {
  const marker = await db.changes.read();
  const cached = byDb.get(db);
  if (cached && cached.marker === marker) return cached.calendar;
  // Read after the marker: a commit in between moves the marker, so the next call reads again.
  const calendar = await calendarIn(db.prisma);
  byDb.set(db, { marker, calendar });
  return calendar;
}

const byRequest = new WeakMap<Context, Promise<WorkCalendar>>();

/** The work calendar of a request: read once per request ({@link calendarFor}). */
export function calendarOf(ctx: Context): Promise<WorkCalendar> {
  let calendar = byRequest.get(ctx);
  if (!calendar) {
    calendar = calendarFor(ctx.db);
    byRequest.set(ctx, calendar);
  }
  return calendar;
}

/** The rows of one national arrangement: the year's row and its days. */
export async function writeCalendarYear(
  tx: Tx,
  year: HolidayYear,
  meta: {
    readonly origin: CalendarOrigin;
    readonly docNumber: string | null;
    readonly actorId: string | null;
  },
): Promise<CalendarYear> {
  await tx.calendarDay.deleteMany({ where: { scope: 'NATIONAL', year: year.year } });
  const data = {
    notices: [...year.notices],
    docNumber: meta.docNumber,
    origin: meta.origin,
    loadedById: meta.actorId,
  };
  const row = await tx.calendarYear.upsert({
    where: { year: year.year },
    create: { year: year.year, ...data },
    update: data,
  });
  if (year.days.length > 0) {
    await tx.calendarDay.createMany({
      data: year.days.map(([date, kind, name]) => ({
        date,
        scope: 'NATIONAL',
        kind,
        name,
        year: year.year,
        createdById: meta.actorId,
      })),
    });
  }
  return row;
}

/**
 * Seeds the years the core embeds that the database lacks (first start, and an upgrade to a release
 * embedding more years); a year already there, embedded or loaded by the office, is left as it is.
 * A year whose days another year's row already lists (a date near New Year) keeps those rows.
 * Returns the years seeded; runs inside bootstrap's start-up step (idempotent).
 */
export async function seedCalendar(tx: Tx): Promise<number[]> {
  const present = new Set((await tx.calendarYear.findMany({ select: { year: true } })).map((y) => y.year));
  const taken = new Set(
    (await tx.calendarDay.findMany({ where: { scope: 'NATIONAL' }, select: { date: true } })).map(
      (d) => d.date,
    ),
  );
  const seeded: number[] = [];
  for (const year of CHINA_HOLIDAY_YEARS) {
    if (present.has(year.year)) continue;
    // Seeding never makes the loaded years non-contiguous: an embedded year is added only next to them.
    const days = year.days.filter(([date]) => !taken.has(date));
    await writeCalendarYear(tx, { ...year, days }, { origin: 'EMBEDDED', docNumber: null, actorId: null });
    await writeAudit(tx, {
      actorId: null,
      action: 'seedCalendarYear',
      entityType: 'CalendarYear',
      entityId: String(year.year),
      after: { year: year.year, notices: year.notices, days: days.length },
    });
    seeded.push(year.year);
  }
  return seeded;
}
