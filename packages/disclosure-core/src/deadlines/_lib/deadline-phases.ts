/**
 * The phases of `parseDeadline`, in the order it tries them: awaited events, periods (dated anchors
 * and stated starts), anchors as one deadline or milestones, relative deadlines, recurring duties,
 * standing duties, and what is left (vague or no deadline). Each reads the normalised phrase.
 * @internal
 */
import type { IsoDate } from '../../_lib/iso-date';
import { isNumeralCode, readNumber } from '../../_lib/numerals';
import { fail, ok, type Result } from '../../_lib/result';
import { dayNumberFromCivil, daysInMonthOf, isoFromDayNumber } from '../../calendar/_lib/day-number';
import type {
  AfterEventDeadline,
  ByDeadline,
  Cadence,
  DayCount,
  Deadline,
  DeadlineFlag,
  DeadlineIssue,
  DeadlineIssueCode,
  MilestoneStep,
} from '../types';
import { zhDate } from './format';
import { type NormalizedText, originalOffset } from './normalize';
import { readingOf } from './readings';
import { canStartPeriod, isScanError, type ScannedPeriod, scanPeriod } from './scan-period';

type Parsed = Result<Deadline, DeadlineIssue>;
const failed = (issues: DeadlineIssue[]): Parsed => fail(issues);

export const DEFAULT_GRACE: DayCount = { amount: 20, unit: 'workingDays' };

const ONGOING_MARKERS = [
  '长期坚持',
  '持续推进',
  '持续开展',
  '常态化',
  '长期',
  '经常性',
  '常年',
  '持续',
  '立即',
];
const VAGUE_MARKERS = ['尽快', '及时', '适时', '逐步', '按时', '按要求', '抓紧'];
const CADENCE = /[每按](年度|半年|季度|半个?月|年|季|月|周|旬|日|天)/;
const HALF_MONTH = /^半个?月$/;
const DAY_LIST_SEPARATORS = '、,和及与';
// 法定时限(20个工作日), 法定期限为15个工作日: a statutory limit whose starting event is not written.
const STATUTORY =
  /法定(?:时限|期限)(?:为|是)?[(:]?([0-9]+|[〇零一二两三四五六七八九十]+)个?(工作日|自然日|日|天)\)?/;
const CADENCE_WORDS: Readonly<Record<string, Cadence>> = {
  年度: 'year',
  半年: 'halfYear',
  季度: 'quarter',
  年: 'year',
  季: 'quarter',
  月: 'month',
};
// 后 ends the awaited clause unless it starts a word (后续, 后期, 后勤, 后台 …).
const AWAIT_CLAUSE = /待([^;。]+?)(?:之后|以后|后)(?!续|期|勤|来|面|者|方|台|端|果|备|盾|援)/g;
const THEN_CLAUSE = /(?:^|[,;。])([^,;。待]+?)(?:之后|以后|后),?(?=立即|随即)/g;
const RELATIVE =
  /(?:自|从)([^,;。]*?)(?:之日)?起,?([0-9]+|[〇零一二两三四五六七八九十]+)个?(工作日|自然日|日|天)(?:内|以内|之内)?/;
const COUNT_AT_LEAST =
  /至少(?:要)?[^,;。0-9〇零一二两三四五六七八九十]{0,10}?([0-9]+|[〇零一二两三四五六七八九十]+)(?:(?:-|至|到)([0-9]+|[〇零一二两三四五六七八九十]+))?次/;
const COUNT_PLAIN =
  /([0-9]+|[〇零一二两三四五六七八九十]+)(?:(?:-|至|到)([0-9]+|[〇零一二两三四五六七八九十]+))?次/;
const PUNCT_EDGES = /^[\s,，;；。、:：]+|[\s,，;；。、:：]+$/g;

interface Anchor {
  readonly start: number;
  readonly end: number;
  readonly deadline: ByDeadline | AfterEventDeadline;
}

export interface Context {
  readonly text: string;
  readonly norm: NormalizedText;
  readonly planYear: number;
  readonly issuedDn: number;
  /** The year of the issue date (今年). */
  readonly issueYear: number;
  readonly xunBefore: boolean;
  readonly reviewCadence: Cadence;
  readonly grace: DayCount;
}

export function issue(
  ctx: Context,
  code: DeadlineIssueCode,
  start: number,
  end: number,
  zh: string,
  en: string,
): DeadlineIssue {
  const offset = originalOffset(ctx.norm, start, ctx.text.length);
  const endOffset = originalOffset(ctx.norm, end, ctx.text.length);
  return {
    code,
    message: { zh, en },
    location: { offset, text: ctx.text.slice(offset, Math.max(endOffset, offset + 1)) },
  };
}

function original(ctx: Context, start: number, end: number): string {
  return ctx.text.slice(
    originalOffset(ctx.norm, start, ctx.text.length),
    originalOffset(ctx.norm, end, ctx.text.length),
  );
}

function beforeIssueFlag(ctx: Context, dn: number, start: number, end: number): DeadlineFlag {
  const offset = originalOffset(ctx.norm, start, ctx.text.length);
  return {
    code: 'BEFORE_ISSUE_DATE',
    message: {
      zh: `${zhDate(dn)}早于方案印发日期${zhDate(ctx.issuedDn)},按原文保留`,
      en: `${isoFromDayNumber(dn)} is before the plan's issue date ${isoFromDayNumber(ctx.issuedDn)}; kept as written`,
    },
    location: { offset, text: original(ctx, start, end) },
  };
}

function byFromPeriod(ctx: Context, p: ScannedPeriod, bare: boolean): ByDeadline {
  let due = p.to;
  const beforeXun = p.precision === 'xun' && p.before && ctx.xunBefore;
  if (beforeXun) due = p.from - 1;
  const dueDay = due - dayNumberFromCivil(p.year, p.month, 1) + 1;
  const dayOfMonth =
    beforeXun && p.part === 1 ? daysInMonthOf(p.year, p.month === 1 ? 12 : p.month - 1) : dueDay;
  const flags: DeadlineFlag[] = [];
  if (due < ctx.issuedDn) flags.push(beforeIssueFlag(ctx, due, p.start, p.end));
  if (bare) {
    flags.push({
      code: 'PERIOD_WITHOUT_MARKER',
      message: {
        zh: '只写了时段,没有“前/底前/内”等字样,按该时段结束日理解',
        en: 'Only a period is written (no 前/底前/内); read as due by its last day',
      },
      location: {
        offset: originalOffset(ctx.norm, p.start, ctx.text.length),
        text: original(ctx, p.start, p.end),
      },
    });
  }
  return {
    kind: 'by',
    text: ctx.text,
    phrase: original(ctx, p.start, p.end),
    flags,
    dueOn: isoFromDayNumber(due),
    precision: p.precision,
    yearSource: p.yearSource,
    reading: readingOf(p.precision, p.month, p.part, dayOfMonth, beforeXun),
  };
}

function addEvent(
  ctx: Context,
  anchors: Anchor[],
  eventSpans: [number, number][],
  m: RegExpExecArray,
  start: number,
  groupStart: number,
): void {
  const eventText = m[1] ?? '';
  const end = m.index + m[0].length;
  eventSpans.push([start, end]);
  anchors.push({
    start,
    end,
    deadline: {
      kind: 'afterEvent',
      text: ctx.text,
      flags: [],
      event: {
        key: eventKeyOf(eventText),
        description: original(ctx, groupStart, groupStart + eventText.length),
      },
      grace: ctx.grace,
    },
  });
}

function inSpans(spans: readonly [number, number][], k: number): boolean {
  for (const [a, b] of spans) if (k >= a && k < b) return true;
  return false;
}

function onlyPunctuationAfter(s: string, end: number): boolean {
  for (let k = end; k < s.length; k++) {
    const c = s[k];
    if (c !== ',' && c !== ';' && c !== '。' && c !== '、' && c !== '.') return false;
  }
  return true;
}

function eventKeyOf(normalizedEventText: string): string {
  return normalizedEventText.replace(/^待/, '');
}

function readCount(raw: string | undefined): number {
  if (raw === undefined) return Number.NaN;
  return readNumber(raw, 0)?.value ?? Number.NaN;
}

function periodStartCadence(p: ScannedPeriod): Cadence {
  switch (p.precision) {
    case 'quarter':
      return 'quarter';
    case 'halfYear':
      return 'halfYear';
    case 'year':
      return 'year';
    default:
      return 'month';
  }
}

/** 1. Awaited events: 待…后, or …后,立即…. */
export function readAwaitedEvents(ctx: Context): { anchors: Anchor[]; eventSpans: [number, number][] } {
  const s = ctx.norm.s;
  const anchors: Anchor[] = [];
  const eventSpans: [number, number][] = [];
  AWAIT_CLAUSE.lastIndex = 0;
  const awaits = s.includes('待');
  for (let m = awaits ? AWAIT_CLAUSE.exec(s) : null; m !== null; m = AWAIT_CLAUSE.exec(s)) {
    addEvent(ctx, anchors, eventSpans, m, m.index, m.index + 1);
  }
  if (anchors.length === 0 && s.includes('后')) {
    THEN_CLAUSE.lastIndex = 0;
    for (let m = THEN_CLAUSE.exec(s); m !== null; m = THEN_CLAUSE.exec(s)) {
      const groupStart = m.index + (m[0].startsWith(m[1] ?? '') ? 0 : 1);
      addEvent(ctx, anchors, eventSpans, m, groupStart, groupStart);
    }
  }

  return { anchors, eventSpans };
}

/** A start the phrase states (从二季度起). */
export type StatedStart = { readonly period: ScannedPeriod } | undefined;

/** 2. Periods: dated anchors (pushed to `anchors`), and the first stated start (从二季度起). */
export function readPeriods(
  ctx: Context,
  anchors: Anchor[],
  eventSpans: readonly [number, number][],
): { readonly start: StatedStart } | { readonly failure: Parsed } {
  const s = ctx.norm.s;
  let start: { period: ScannedPeriod } | undefined;
  for (let i = 0; i < s.length; ) {
    if (
      !canStartPeriod(s.charCodeAt(i)) ||
      (i > 0 && isNumeralCode(s.charCodeAt(i - 1))) ||
      inSpans(eventSpans, i)
    ) {
      i++;
      continue;
    }
    const p = scanPeriod(s, i, ctx.planYear, ctx.issueYear);
    if (p === undefined) {
      i++;
      continue;
    }
    if (isScanError(p)) {
      const written = original(ctx, p.start, p.end);
      const garbled = p.error === 'GARBLED_DATE';
      return {
        failure: failed([
          issue(
            ctx,
            p.error,
            p.start,
            p.end,
            garbled ? `日期写法有误,年份无法确定:${written}` : `日期不存在:${written}`,
            garbled ? `Garbled date, its year cannot be told: ${p.detail}` : `No such date: ${p.detail}`,
          ),
        ]),
      };
    }
    const prev = s[p.start - 1];
    if ((prev === '从' || prev === '自') && (s[p.end] === '起' || s.startsWith('开始', p.end))) {
      start ??= { period: p };
    } else if (p.bounded) {
      anchors.push({ start: p.start, end: p.end, deadline: byFromPeriod(ctx, p, false) });
    } else if (p.start === 0 && onlyPunctuationAfter(s, p.end)) {
      anchors.push({ start: p.start, end: p.end, deadline: byFromPeriod(ctx, p, true) });
    }
    i = p.end;
  }

  return { start };
}

/** The deadline of the anchors found: one, or milestones in text order; undefined when none. */
export function fromAnchors(ctx: Context, anchors: Anchor[]): Parsed | undefined {
  const s = ctx.norm.s;
  const text = ctx.text;
  if (anchors.length === 1) {
    const only = anchors[0] as Anchor;
    return ok(only.deadline);
  }
  if (anchors.length > 1) {
    anchors.sort((a, b) => a.start - b.start);
    const steps: MilestoneStep[] = [];
    for (let k = 0; k < anchors.length; k++) {
      const a = anchors[k] as Anchor;
      const next = anchors[k + 1];
      const label = original(ctx, a.end, next ? next.start : s.length).replace(PUNCT_EDGES, '');
      steps.push({ label, deadline: { ...a.deadline, text: original(ctx, a.start, a.end) } });
    }
    return ok({ kind: 'milestones', text, flags: steps.flatMap((st) => st.deadline.flags), steps });
  }

  return undefined;
}

/** 3. Relative: 自…之日起20个工作日内. */
export function readRelative(ctx: Context): Parsed | undefined {
  const s = ctx.norm.s;
  const text = ctx.text;
  const rel = RELATIVE.exec(s);
  if (rel) {
    const amount = readCount(rel[2]);
    const unit = rel[3] === '工作日' ? 'workingDays' : 'calendarDays';
    const triggerText = rel[1] ?? '';
    const triggerStart = rel.index + 1;
    const tp = triggerText.length > 0 ? scanPeriod(s, triggerStart, ctx.planYear, ctx.issueYear) : undefined;
    const flags: DeadlineFlag[] = [];
    if (
      tp !== undefined &&
      !isScanError(tp) &&
      tp.precision === 'day' &&
      tp.end - triggerStart === triggerText.length
    ) {
      if (tp.from < ctx.issuedDn) flags.push(beforeIssueFlag(ctx, tp.from, tp.start, tp.end));
      return ok({
        kind: 'relative',
        text,
        flags,
        trigger: { kind: 'date', date: isoFromDayNumber(tp.from) },
        within: { amount, unit },
      });
    }
    if (triggerText.length === 0) {
      return fail([
        issue(
          ctx,
          'NO_DEADLINE_FOUND',
          rel.index,
          rel.index + rel[0].length,
          '没有写明从何时起算',
          'No starting point is given',
        ),
      ]);
    }
    return ok({
      kind: 'relative',
      text,
      flags,
      trigger: {
        kind: 'event',
        key: eventKeyOf(triggerText),
        description: original(ctx, triggerStart, triggerStart + triggerText.length),
      },
      within: { amount, unit },
    });
  }
  const statutory = STATUTORY.exec(s);
  if (statutory) {
    const at = statutory.index;
    return ok({
      kind: 'relative',
      text,
      flags: [
        {
          code: 'TRIGGER_NOT_STATED',
          message: {
            zh: '只写了法定时限,未写从何时起算:按法定的起算事件(如收到申请之日)计,事件发生时请登记',
            en: 'Only the statutory limit is written, not what it counts from: it counts from the statutory event (such as receipt of a request), to be recorded when it happens',
          },
          location: {
            offset: originalOffset(ctx.norm, at, text.length),
            text: original(ctx, at, at + statutory[0].length),
          },
        },
      ],
      trigger: { kind: 'event', key: STATUTORY_EVENT_KEY, description: '法定时限的起算事件' },
      within: {
        amount: readCount(statutory[1]),
        unit: statutory[2] === '工作日' ? 'workingDays' : 'calendarDays',
      },
    });
  }

  return undefined;
}

/** The event key of a statutory limit that does not say what it counts from (法定时限(20个工作日)). */
export const STATUTORY_EVENT_KEY = '法定时限起算';

/** 每月10日、20日、30日: the days named after a monthly cadence, and where the list ends. */
function daysOfMonthAt(s: string, from: number): { days: number[]; end: number } {
  const days: number[] = [];
  let k = from;
  for (;;) {
    const n = readNumber(s, k);
    if (n === undefined || (s[n.end] !== '日' && s[n.end] !== '号')) break;
    days.push(n.value);
    k = n.end + 1;
    if (DAY_LIST_SEPARATORS.includes(s[k] ?? '') && isNumeralCode(s.charCodeAt(k + 1))) k++;
    else break;
  }
  return { days, end: k };
}

function dayBeyondMonthEnd(
  ctx: Context,
  days: readonly number[],
  start: number,
  end: number,
): DeadlineFlag[] {
  const long = days.filter((d) => d > 28);
  if (long.length === 0) return [];
  const named = long.map((d) => `${d}日`).join('、');
  return [
    {
      code: 'DAY_BEYOND_MONTH_END',
      message: {
        zh: `不是每个月都有${named}(如2月没有30日):没有该日的月份按当月最后一天计`,
        en: `Not every month has day ${long.join(', ')} (February has no 30th): in such a month it is the month's last day`,
      },
      location: { offset: originalOffset(ctx.norm, start, ctx.text.length), text: original(ctx, start, end) },
    },
  ];
}

interface Start {
  readonly startFlags: DeadlineFlag[];
  readonly startsOn: IsoDate;
  readonly startSource: 'stated' | 'issuedOn';
}

/** When a standing or recurring duty starts: the stated start, else the issue date. */
export function startOf(ctx: Context, start: StatedStart): Start {
  const startFlags: DeadlineFlag[] = [];
  let startsOn: IsoDate = isoFromDayNumber(ctx.issuedDn);
  if (start) {
    startsOn = isoFromDayNumber(start.period.from);
    if (start.period.from < ctx.issuedDn) {
      startFlags.push(beforeIssueFlag(ctx, start.period.from, start.period.start, start.period.end));
    }
  }
  const startSource: Start['startSource'] = start ? 'stated' : 'issuedOn';

  return { startFlags, startsOn, startSource };
}

/** 4. Recurring: 每年至少…1—2次, 每季度, 按月…. */
export function readRecurring(ctx: Context, st: Start): Parsed | undefined {
  const s = ctx.norm.s;
  const text = ctx.text;
  const cad = CADENCE.exec(s);
  if (!cad) return undefined;
  {
    const at = cad.index;
    const word = cad[1] ?? '';
    const halfMonth = HALF_MONTH.test(word);
    const cadence = halfMonth ? 'month' : CADENCE_WORDS[word];
    if (cadence === undefined) {
      return fail([
        issue(
          ctx,
          'UNSUPPORTED_CADENCE',
          at,
          at + cad[0].length,
          `暂不支持“${cad[0]}”这样的周期(支持月、季度、半年、年)`,
          `A cadence of "${cad[0]}" is not supported (month, quarter, half-year and year are)`,
        ),
      ]);
    }
    const rest = s.slice(at);
    const m = COUNT_AT_LEAST.exec(rest) ?? COUNT_PLAIN.exec(rest);
    const named = cadence === 'month' && !halfMonth ? daysOfMonthAt(s, at + cad[0].length) : undefined;
    const days = named?.days ?? [];
    // 每半个月 is twice a month; 每月10日、20日、30日 is as many times as days are named.
    const perWindow = halfMonth ? 2 : 1;
    const min = days.length > 0 ? days.length : (m ? readCount(m[1]) : 1) * perWindow;
    const target = days.length > 0 ? min : m && m[2] !== undefined ? readCount(m[2]) * perWindow : min;
    if (days.some((d) => d < 1 || d > 31)) {
      return fail([
        issue(ctx, 'INVALID_DATE', at, named?.end ?? at, '每月没有这一天', 'No month has such a day'),
      ]);
    }
    if (!(min >= 1) || !(target >= min)) {
      const cStart = at + (m?.index ?? 0);
      return fail([
        issue(
          ctx,
          'INVALID_COUNT',
          cStart,
          cStart + (m?.[0].length ?? 1),
          '次数不合理',
          'The number of times makes no sense',
        ),
      ]);
    }
    const flags = [...st.startFlags, ...dayBeyondMonthEnd(ctx, days, at, named?.end ?? at)];
    if (halfMonth) {
      flags.push({
        code: 'HALF_MONTH_CADENCE',
        message: {
          zh: '每半个月按每月至少2次计(上、下半月各1次)',
          en: 'Every half-month is read as at least twice a month (once in each half)',
        },
        location: {
          offset: originalOffset(ctx.norm, at, text.length),
          text: original(ctx, at, at + cad[0].length),
        },
      });
    }
    return ok({
      kind: 'recurring',
      text,
      flags,
      cadence,
      minPerPeriod: min,
      targetPerPeriod: target,
      startsOn: st.startsOn,
      startSource: st.startSource,
      ...(days.length > 0 ? { daysOfMonth: days } : {}),
    });
  }
}

/** 5. Standing duties: 立即落实,长期坚持 / 常态化 …; then a stated start alone. */
export function readStanding(ctx: Context, start: StatedStart, st: Start): Parsed | undefined {
  const s = ctx.norm.s;
  const text = ctx.text;
  for (const marker of ONGOING_MARKERS) {
    if (s.includes(marker)) {
      return ok({
        kind: 'ongoing',
        text,
        flags: st.startFlags,
        startsOn: st.startsOn,
        startSource: st.startSource,
        reviewCadence: ctx.reviewCadence,
      });
    }
  }

  // A stated start alone (从二季度起): recurring at the period's own length from its first day.
  if (start) {
    return ok({
      kind: 'recurring',
      text,
      flags: st.startFlags,
      cadence: periodStartCadence(start.period),
      minPerPeriod: 1,
      targetPerPeriod: 1,
      startsOn: st.startsOn,
      startSource: st.startSource,
    });
  }

  return undefined;
}

/** What is left: a vague word (尽快, 及时 …), or no deadline at all. */
export function noDeadline(ctx: Context): Parsed {
  const s = ctx.norm.s;
  for (const marker of VAGUE_MARKERS) {
    const at = s.indexOf(marker);
    if (at >= 0) {
      return fail([
        issue(
          ctx,
          'VAGUE_DEADLINE',
          at,
          at + marker.length,
          `“${marker}”没有可计算的期限`,
          `"${marker}" gives no date that can be computed`,
        ),
      ]);
    }
  }
  return fail([
    issue(
      ctx,
      'NO_DEADLINE_FOUND',
      0,
      s.length,
      '没有读到期限(如“7月底前”“立即落实,长期坚持”“待…后”)',
      'No deadline found (e.g. 7月底前, 立即落实,长期坚持, 待…后)',
    ),
  ]);
}
