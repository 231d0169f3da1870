import { assertNever, CoreError } from '../_lib/core-error';
import type { IsoDate } from '../_lib/iso-date';
import type { LocalizedMessage } from '../_lib/result';
import { isoFromDayNumber, toDayNumber } from '../calendar/_lib/day-number';
import { chinaWorkCalendar } from '../calendar/china-work-calendar';
import type { DateInput, WorkCalendar } from '../calendar/types';
import type { DeadlineStatus } from '../progress/status-vocabulary';
import { CalendarOps } from './_lib/calendar-ops';
import { ESTIMATE_NOTE, enCount, enDate, zhDate } from './_lib/format';
import { periodEnd, periodIndex, periodStart, type Window, windowsAround } from './_lib/periods';
import { type ResolvedDue, resolveAfterEvent, resolveBy, resolveRelative } from './_lib/resolve-due';
import type {
  Cadence,
  Deadline,
  DeadlineReport,
  MilestoneStep,
  MilestonesDeadline,
  OngoingDeadline,
  RecordedEvent,
  RecurringDeadline,
} from './types';

export type { DeadlineStatus } from '../progress/status-vocabulary';

/**
 * What {@link evaluateStatus} looks at: the deadline, the duty's reports and the recorded outside
 * events. Reports and events dated after `asOf` are ignored.
 *
 * @example
 * ```ts
 * const input: StatusInput = { deadline, reports: [{ reportedOn: '2020-07-16', state: 'done' }], events: [] };
 * ```
 */
export interface StatusInput {
  readonly deadline: Deadline;
  readonly reports?: readonly DeadlineReport[];
  readonly events?: readonly RecordedEvent[];
}

/**
 * Options of {@link evaluateStatus}. `asOf` is required: the core never reads the clock.
 *
 * @example
 * ```ts
 * const o: EvaluateStatusOptions = { asOf: '2020-07-15', dueSoonWorkingDays: 5 };
 * ```
 */
export interface EvaluateStatusOptions {
  /** The day to judge on; a Date is read in Asia/Shanghai. */
  readonly asOf: DateInput;
  /** Default {@link chinaWorkCalendar}. */
  readonly calendar?: WorkCalendar;
  /** `due_soon` when this many working days or fewer are left. Default 5. */
  readonly dueSoonWorkingDays?: number;
  /**
   * A date outside the calendar's coverage (the years its holiday notices cover): `'estimate'`
   * (default) counts working days with weekends only and marks the result `estimated` (its sentences
   * say so); `'error'` throws `CoreError('DATE_OUT_OF_CALENDAR')` instead.
   */
  readonly outsideCoverage?: 'error' | 'estimate';
  /**
   * Default true. `false` skips writing the two sentences: `explanation` is then `{ zh: '', en: '' }`
   * and every other field is the same. For callers that judge many duties and read no sentence
   * (scoring a province).
   */
  readonly explanations?: boolean;
}

/**
 * The status of a duty as of a date, its due date, the working days left (negative when overdue),
 * and one Chinese and one English sentence saying how the due date was reached.
 *
 * @example
 * ```ts
 * const r: StatusResult = {
 *   status: 'due_soon', dueOn: '2020-07-20', workingDaysLeft: 3, estimated: false, window: null,
 *   explanation: { zh: '“7月中旬前”→2020年7月20日(中旬止于20日,…)…', en: '"7月中旬前" → 20 July 2020 …' },
 * };
 * ```
 */
export interface StatusResult {
  readonly status: DeadlineStatus;
  /** The due date that decides the status (the current window's end for ongoing and recurring duties). */
  readonly dueOn: IsoDate | null;
  /** Working days after `asOf` up to `dueOn` (negative when overdue); null when done or waiting. */
  readonly workingDaysLeft: number | null;
  readonly explanation: LocalizedMessage;
  /** True when a date outside the calendar's coverage was estimated with weekends only. */
  readonly estimated: boolean;
  /** For ongoing and recurring duties: the current window and the reports counted in it. */
  readonly window: { readonly from: IsoDate; readonly to: IsoDate; readonly reports: number } | null;
}

const DEFAULT_DUE_SOON = 5;

const CADENCE_WORDS: Readonly<Record<Cadence, LocalizedMessage>> = {
  month: { zh: '每月', en: 'monthly' },
  quarter: { zh: '每季度', en: 'quarterly' },
  halfYear: { zh: '每半年', en: 'half-yearly' },
  year: { zh: '每年', en: 'yearly' },
};

interface Ctx {
  readonly asOf: number;
  /** Write the explanation sentences (false: empty strings, nothing formatted). */
  readonly explain: boolean;
  readonly ops: CalendarOps;
  readonly dueSoon: number;
  readonly reports: readonly DeadlineReport[];
}

function reportDay(r: DeadlineReport): number {
  return toDayNumber(r.reportedOn, 'reportedOn');
}

/** Earliest `done` report on or before asOf (for one milestone step when `step` is given), or NaN. */
function doneDay(ctx: Ctx, step: number | undefined): number {
  let best = Number.NaN;
  for (const r of ctx.reports) {
    if (r.state !== 'done') continue;
    if (step !== undefined && r.step !== undefined && r.step !== step) continue;
    const dn = reportDay(r);
    if (dn <= ctx.asOf && !(dn >= best)) best = dn;
  }
  return best;
}

function countIn(ctx: Ctx, from: number, to: number, doneOnly: boolean): number {
  let n = 0;
  const last = Math.min(to, ctx.asOf);
  for (const r of ctx.reports) {
    if (doneOnly && r.state !== 'done') continue;
    const dn = reportDay(r);
    if (dn >= from && dn <= last) n++;
  }
  return n;
}

function result(
  ctx: Ctx,
  status: StatusResult['status'],
  due: number | null,
  left: number | null,
  zh: string,
  en: string,
  window: StatusResult['window'] = null,
): StatusResult {
  const estimated = ctx.ops.estimated;
  return {
    status,
    dueOn: due === null || Number.isNaN(due) ? null : isoFromDayNumber(due),
    workingDaysLeft: left,
    explanation: !ctx.explain
      ? NO_EXPLANATION
      : estimated
        ? {
            zh: `${zh}${ESTIMATE_NOTE.zh}`,
            en: `${en}${ESTIMATE_NOTE.en}`,
          }
        : { zh, en },
    estimated,
    window,
  };
}

/** Status of one due date given the done day (NaN when not done). */
function judgeDue(ctx: Ctx, resolved: ResolvedDue, done: number, prefix: LocalizedMessage): StatusResult {
  const how = resolved.how;
  const due = resolved.due;
  if (due === null || Number.isNaN(due)) {
    if (!Number.isNaN(done)) {
      return result(
        ctx,
        'done_on_time',
        null,
        null,
        ctx.explain ? `${prefix.zh}${how.zh},已于${zhDate(done)}完成。` : '',
        ctx.explain ? `${prefix.en}${how.en}; done on ${enDate(done)}.` : '',
      );
    }
    return result(
      ctx,
      'waiting_for_event',
      null,
      null,
      ctx.explain ? `${prefix.zh}${how.zh}。` : '',
      ctx.explain ? `${prefix.en}${how.en}.` : '',
    );
  }
  if (!Number.isNaN(done)) {
    if (done <= due) {
      return result(
        ctx,
        'done_on_time',
        due,
        null,
        ctx.explain ? `${prefix.zh}${how.zh},已于${zhDate(done)}按时完成。` : '',
        ctx.explain ? `${prefix.en}${how.en}; done on time on ${enDate(done)}.` : '',
      );
    }
    const late = ctx.ops.workingDaysBetween(due, done);
    return result(
      ctx,
      'done_late',
      due,
      null,
      ctx.explain ? `${prefix.zh}${how.zh},${zhDate(done)}才完成,晚了${late}个工作日。` : '',
      ctx.explain
        ? `${prefix.en}${how.en}; done on ${enDate(done)}, ${enCount(late, 'working day')} late.`
        : '',
    );
  }
  const left = ctx.ops.workingDaysBetween(ctx.asOf, due);
  if (ctx.asOf > due) {
    return result(
      ctx,
      'overdue',
      due,
      left,
      ctx.explain ? `${prefix.zh}${how.zh},截至${zhDate(ctx.asOf)}未完成,已逾期${-left}个工作日。` : '',
      ctx.explain
        ? `${prefix.en}${how.en}; not done as of ${enDate(ctx.asOf)}, ${enCount(-left, 'working day')} overdue.`
        : '',
    );
  }
  return result(
    ctx,
    left <= ctx.dueSoon ? 'due_soon' : 'not_due',
    due,
    left,
    ctx.explain ? `${prefix.zh}${how.zh},截至${zhDate(ctx.asOf)}未完成,还剩${left}个工作日。` : '',
    ctx.explain
      ? `${prefix.en}${how.en}; not done as of ${enDate(ctx.asOf)}, ${enCount(left, 'working day')} left.`
      : '',
  );
}

const NO_PREFIX: LocalizedMessage = { zh: '', en: '' };
const NO_EXPLANATION: LocalizedMessage = Object.freeze({ zh: '', en: '' });

function stepLabel(d: MilestonesDeadline, i: number): LocalizedMessage {
  const label = d.steps[i]?.label ?? '';
  return { zh: `第${i + 1}步“${label}”:`, en: `Step ${i + 1} ("${label}"): ` };
}

function judgeMilestones(
  ctx: Ctx,
  d: MilestonesDeadline,
  events: readonly RecordedEvent[] | undefined,
): StatusResult {
  let pick: { i: number; resolved: ResolvedDue } | undefined;
  let waiting: { i: number; resolved: ResolvedDue } | undefined;
  let lateStep: { i: number; resolved: ResolvedDue; done: number } | undefined;
  let lastDue = Number.NEGATIVE_INFINITY;
  let allDone = true;
  for (let i = 0; i < d.steps.length; i++) {
    const sd = (d.steps[i] as MilestoneStep).deadline;
    const resolved = sd.kind === 'by' ? resolveBy(sd) : resolveAfterEvent(sd, events, ctx.asOf, ctx.ops);
    const due = resolved.due ?? Number.NaN;
    if (due > lastDue) lastDue = due;
    const done = doneDay(ctx, i);
    if (!Number.isNaN(done)) {
      if (!Number.isNaN(due) && done > due && lateStep === undefined) lateStep = { i, resolved, done };
      continue;
    }
    allDone = false;
    if (Number.isNaN(due)) {
      waiting ??= { i, resolved };
    } else if (pick === undefined || due < (pick.resolved.due ?? 0)) {
      pick = { i, resolved };
    }
  }
  if (allDone) {
    if (lateStep) return judgeDue(ctx, lateStep.resolved, lateStep.done, stepLabel(d, lateStep.i));
    const lastStep = d.steps.length - 1;
    const last = d.steps[lastStep];
    if (last === undefined)
      throw new CoreError('INVALID_ARGUMENT', 'A milestones deadline needs at least one step');
    const resolved =
      last.deadline.kind === 'by'
        ? resolveBy(last.deadline)
        : resolveAfterEvent(last.deadline, events, ctx.asOf, ctx.ops);
    return judgeDue(ctx, resolved, doneDay(ctx, lastStep), {
      zh: `全部${d.steps.length}步均已完成;最后一步`,
      en: `All ${d.steps.length} steps done; last step `,
    });
  }
  if (pick) return judgeDue(ctx, pick.resolved, Number.NaN, stepLabel(d, pick.i));
  if (waiting) return judgeDue(ctx, waiting.resolved, Number.NaN, stepLabel(d, waiting.i));
  throw new CoreError('UNREACHABLE', 'milestones without a pending step');
}

/** A standing or recurring duty as of a day before it starts. */
function notStarted(ctx: Ctx, start: number, head: LocalizedMessage): StatusResult {
  return result(
    ctx,
    'not_due',
    start,
    null,
    ctx.explain ? `${head.zh},尚未开始。` : '',
    ctx.explain ? `${head.en}; not started yet.` : '',
  );
}

function judgeOngoing(ctx: Ctx, d: OngoingDeadline): StatusResult {
  const start = toDayNumber(d.startsOn, 'startsOn');
  const cad = CADENCE_WORDS[d.reviewCadence];
  const head = !ctx.explain
    ? NO_PREFIX
    : {
        zh: `“${d.text}”为长期工作,自${zhDate(start)}起${cad.zh}检查一次`,
        en: `"${d.text}" is a standing duty from ${enDate(start)}, reviewed ${cad.en}`,
      };
  if (ctx.asOf < start) return notStarted(ctx, start, head);
  const { current, previous } = windowsAround(start, ctx.asOf, d.reviewCadence, true);
  const inCurrent = countIn(ctx, current.from, current.to, false);
  const inPrevious = previous ? countIn(ctx, previous.from, previous.to, false) : 1;
  const left = ctx.ops.workingDaysBetween(ctx.asOf, current.to);
  const window = {
    from: isoFromDayNumber(current.from),
    to: isoFromDayNumber(current.to),
    reports: inCurrent,
  };
  const period = !ctx.explain
    ? NO_PREFIX
    : {
        zh: `本期${zhDate(current.from)}至${zhDate(current.to)}`,
        en: `this window runs ${enDate(current.from)} to ${enDate(current.to)}`,
      };
  if (previous && inPrevious === 0 && inCurrent === 0) {
    return result(
      ctx,
      'stale',
      current.to,
      left,
      ctx.explain
        ? `${head.zh},上期${zhDate(previous.from)}至${zhDate(previous.to)}没有报告,本期也还没有。`
        : '',
      ctx.explain
        ? `${head.en}; no report in the last window (${enDate(previous.from)} to ${enDate(previous.to)}) nor yet in this one.`
        : '',
      window,
    );
  }
  if (inCurrent === 0 && left <= ctx.dueSoon) {
    return result(
      ctx,
      'due_soon',
      current.to,
      left,
      ctx.explain ? `${head.zh},${period.zh},尚无报告,还剩${left}个工作日。` : '',
      ctx.explain ? `${head.en}; ${period.en}, no report yet, ${enCount(left, 'working day')} left.` : '',
      window,
    );
  }
  return result(
    ctx,
    'ongoing',
    current.to,
    left,
    ctx.explain ? `${head.zh},${period.zh},已有${inCurrent}次报告。` : '',
    ctx.explain ? `${head.en}; ${period.en}, ${enCount(inCurrent, 'report')} so far.` : '',
    window,
  );
}

/**
 * The minimum a window asks for. A partial first window (a plan issued in June for a yearly duty)
 * asks for its share of the minimum, rounded: 1 a year from 4 June is still 1; 3 a quarter from
 * 4 June is 1 by 30 June.
 */
function requiredIn(d: RecurringDeadline, w: Window): number {
  const idx = periodIndex(w.to, d.cadence);
  const full = periodEnd(idx, d.cadence) - periodStart(idx, d.cadence) + 1;
  const len = w.to - w.from + 1;
  return len >= full ? d.minPerPeriod : Math.round((d.minPerPeriod * len) / full);
}

function judgeRecurring(ctx: Ctx, d: RecurringDeadline): StatusResult {
  const start = toDayNumber(d.startsOn, 'startsOn');
  const cad = CADENCE_WORDS[d.cadence];
  const pace = !ctx.explain
    ? NO_PREFIX
    : d.targetPerPeriod > d.minPerPeriod
      ? {
          zh: `至少${d.minPerPeriod}次(目标${d.targetPerPeriod}次)`,
          en: `at least ${d.minPerPeriod} (target ${d.targetPerPeriod})`,
        }
      : { zh: `至少${d.minPerPeriod}次`, en: `at least ${d.minPerPeriod}` };
  const head = !ctx.explain
    ? NO_PREFIX
    : {
        zh: `“${d.text}”自${zhDate(start)}起${cad.zh}${pace.zh}`,
        en: `"${d.text}": from ${enDate(start)}, ${pace.en} ${cad.en}`,
      };
  if (ctx.asOf < start) return notStarted(ctx, start, head);
  const { current, previous } = windowsAround(start, ctx.asOf, d.cadence, false);
  const count = countIn(ctx, current.from, current.to, true);
  const need = requiredIn(d, current);
  const left = ctx.ops.workingDaysBetween(ctx.asOf, current.to);
  const window = { from: isoFromDayNumber(current.from), to: isoFromDayNumber(current.to), reports: count };
  const period = !ctx.explain
    ? NO_PREFIX
    : {
        zh: `本期${zhDate(current.from)}至${zhDate(current.to)}已完成${count}次`,
        en: `${enCount(count, 'time')} done in the window ${enDate(current.from)} to ${enDate(current.to)}`,
      };
  if (count >= Math.max(1, need)) {
    return result(
      ctx,
      'met',
      current.to,
      left,
      ctx.explain ? `${head.zh},${period.zh},已达最低要求。` : '',
      ctx.explain ? `${head.en}; ${period.en}: minimum met.` : '',
      window,
    );
  }
  if (previous) {
    const before = countIn(ctx, previous.from, previous.to, true);
    if (before < requiredIn(d, previous)) {
      return result(
        ctx,
        'behind',
        current.to,
        left,
        ctx.explain
          ? `${head.zh},上期${zhDate(previous.from)}至${zhDate(previous.to)}只完成${before}次,未达最低要求。`
          : '',
        ctx.explain
          ? `${head.en}; only ${enCount(before, 'time')} in the last window (${enDate(previous.from)} to ${enDate(previous.to)}), under the minimum.`
          : '',
        window,
      );
    }
  }
  // Pace: with several required per window, the count due so far grows with the elapsed share.
  const expected = Math.floor((need * (ctx.asOf - current.from + 1)) / (current.to - current.from + 1));
  if (count < expected) {
    return result(
      ctx,
      'behind',
      current.to,
      left,
      ctx.explain ? `${head.zh},${period.zh},按进度此时应至少${expected}次。` : '',
      ctx.explain ? `${head.en}; ${period.en}, ${expected} expected by now.` : '',
      window,
    );
  }
  return result(
    ctx,
    left <= ctx.dueSoon ? 'due_soon' : 'not_due',
    current.to,
    left,
    ctx.explain ? `${head.zh},${period.zh},还剩${left}个工作日。` : '',
    ctx.explain ? `${head.en}; ${period.en}, ${enCount(left, 'working day')} left.` : '',
    window,
  );
}

/**
 * Judges a duty as of a date: its status, the due date that decides it, working days left and a
 * bilingual sentence saying how the due date was reached. Pure: `asOf` is a parameter and the
 * result does not depend on the machine's time zone. Reports and events after `asOf` are ignored.
 * Dates outside the calendar's coverage never throw by default: they are counted with weekends only
 * and the result is marked `estimated` (pass `outsideCoverage: 'error'` for the strict behaviour).
 *
 * @example
 * ```ts
 * const parsed = parseDeadline('7月中旬前', { planYear: 2020, issuedOn: '2020-06-04' });
 * if (parsed.ok) {
 *   const s = evaluateStatus({ deadline: parsed.value, reports: [] }, { asOf: '2020-07-15' });
 *   s.status; // 'due_soon'
 *   s.dueOn; // '2020-07-20'
 *   s.workingDaysLeft; // 3
 *   s.explanation.zh; // '“7月中旬前”→2020年7月20日(中旬止于20日,未写年份取方案年度),截至2020年7月15日未完成,还剩3个工作日。'
 * }
 * ```
 */
export function evaluateStatus(input: StatusInput, options: EvaluateStatusOptions): StatusResult {
  const dueSoon = options.dueSoonWorkingDays ?? DEFAULT_DUE_SOON;
  if (!Number.isSafeInteger(dueSoon) || dueSoon < 0) {
    throw new CoreError(
      'INVALID_ARGUMENT',
      `dueSoonWorkingDays must be a non-negative integer, got ${dueSoon}`,
    );
  }
  const ctx: Ctx = {
    asOf: toDayNumber(options.asOf, 'asOf'),
    explain: options.explanations ?? true,
    ops: new CalendarOps(options.calendar ?? chinaWorkCalendar, options.outsideCoverage !== 'error'),
    dueSoon,
    reports: input.reports ?? [],
  };
  const d = input.deadline;
  switch (d.kind) {
    case 'by':
      return judgeDue(ctx, resolveBy(d), doneDay(ctx, undefined), NO_PREFIX);
    case 'afterEvent':
    case 'relative': {
      const resolved =
        d.kind === 'afterEvent'
          ? resolveAfterEvent(d, input.events, ctx.asOf, ctx.ops)
          : resolveRelative(d, input.events, ctx.asOf, ctx.ops);
      return judgeDue(ctx, resolved, doneDay(ctx, undefined), NO_PREFIX);
    }
    case 'milestones':
      return judgeMilestones(ctx, d, input.events);
    case 'ongoing':
      return judgeOngoing(ctx, d);
    case 'recurring':
      return judgeRecurring(ctx, d);
    default:
      return assertNever(d, 'deadline');
  }
}
