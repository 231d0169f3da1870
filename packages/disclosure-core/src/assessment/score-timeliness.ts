import type { LocalizedMessage } from '../_lib/result';
import type { DeadlineStatus } from '../deadlines/evaluate-status';
import type { Assignment } from '../plan/types';
import type { AssignmentProgress } from '../progress/evaluate-assignment';
import { daysLateOf, dutiesFromProgress, type Judgement, type UnitDuties } from './_lib/duties';
import { clampLines, fmt, toHundredths } from './_lib/hundredths';
import { type ItemLabels, statusWords } from './_lib/item-label';
import { amountText, type LineText, makeLine, SentenceMemo } from './_lib/lazy-line';
import { eagerScorer, type LeafOf, type Scorer } from './_lib/scorer';
import type { IndicatorContext } from './indicator-context';
import type { LineSource, ScoreLine, TimelinessMethod } from './types';

/**
 * Working days an assignment is late as of the date: overdue → days past due; done late → days from
 * due to done; stale or behind → 1 (a missed review window); otherwise 0.
 *
 * @example
 * ```ts
 * workingDaysLate(progress, chinaWorkCalendar); // 3
 * ```
 */
export function workingDaysLate(p: AssignmentProgress, calendar: IndicatorContext['calendar']): number {
  return daysLateOf(p.status, p.workingDaysLeft, p.dueOn, p.doneOn, calendar);
}

/**
 * Scores a timeliness indicator: full points, minus `deduct` per late assignment (`late_item`) or
 * per working day late (`working_day_late`), in order of due date then work item; the line that
 * would go below 0 is cut and later ones give 0.
 *
 * @example
 * ```ts
 * // 10 points, 0.5 per working day: one item done 3 working days late, one overdue by 4
 * scoreTimeliness(indicator, ctx).map((l) => l.points); // [10, -1.5, -2]
 * ```
 */
export const scoreTimeliness: Scorer<TimelinessMethod> = eagerScorer(timelinessLines);

/** {@link scoreTimeliness} with lines that write their sentence when read. @internal */
export function timelinessLines(
  indicator: LeafOf<TimelinessMethod>,
  ctx: IndicatorContext,
  duties: UnitDuties = dutiesFromProgress(ctx.progress, ctx.calendar, ctx.places),
): ScoreLine[] {
  const m = indicator.method;
  const max = toHundredths(indicator.points);
  const each = toHundredths(m.deduct);
  const late: number[] = [];
  for (let i = 0; i < duties.count; i++) {
    if ((duties.judged[i] as Judgement).daysLate > 0 && duties.inScope(i, m.scope)) late.push(i);
  }
  if (late.length > 1) late.sort((a, b) => byDueThenItem(duties, a, b));
  const lines: ScoreLine[] = [
    makeLine(duties.eager, indicator.id, max, FULL_POINTS, FULL_POINTS_TEXT, undefined),
  ];
  if (late.length === 0) return lines;
  const text = duties.sharedText(
    `timeliness ${m.per} ${each}`,
    () => new TimelinessText(m.per, each, duties.label),
  );
  for (const i of late) {
    const days = (duties.judged[i] as Judgement).daysLate;
    const amount = m.per === 'late_item' ? each : each * days;
    lines.push(makeLine(duties.eager, indicator.id, -amount, duties.source(i), text, days, duties.notes(i)));
  }
  return clampLines(lines, 0, max);
}

/** The source of a deduction's starting line. @internal */
export const FULL_POINTS = Object.freeze({ kind: 'full_points' } as const);

/** 基础分 N 分. @internal */
export const FULL_POINTS_TEXT: LineText = amountText((max) => ({
  zh: `基础分${fmt(max)}分`,
  en: `Starting from ${fmt(max)} points`,
}));

/**
 * The wording of a timeliness indicator's deductions (one per scoring for each way of deducting,
 * shared by every unit): each sentence written once, by item, status and days late.
 */
class TimelinessText implements LineText {
  readonly #memo = new SentenceMemo();

  constructor(
    readonly per: TimelinessMethod['per'],
    readonly each: number,
    readonly label: ItemLabels,
  ) {}

  // The line's source names the item and its status: the progress itself need not stay alive.
  // `negative` (the deduction before any floor cut it) follows from the days: not in the key.
  text(days: unknown, negative: number, source: LineSource): LocalizedMessage {
    const { workItemId: item, status } = source as Extract<LineSource, { kind: 'assignment' }>;
    const d = days as number;
    // Per late item the sentence does not name the days: one per item and status.
    const key = this.per === 'late_item' ? 0 : d;
    return (
      this.#memo.get(item, status, key) ??
      this.#memo.set(item, status, key, this.write(item, status, d, -negative))
    );
  }

  private write(id: string, status: DeadlineStatus, days: number, amount: number): LocalizedMessage {
    const { per, each } = this;
    const item = this.label(id);
    const s = statusWords(status);
    return per === 'late_item'
      ? {
          zh: `${item.zh}:未按时完成(${s.zh}),扣${fmt(amount)}分`,
          en: `${item.en}: not on time (${s.en}), −${fmt(amount)}`,
        }
      : {
          zh: `${item.zh}:逾期${days}个工作日(${s.zh}),每日扣${fmt(each)}分,共扣${fmt(amount)}分`,
          en: `${item.en}: ${days} working days late (${s.en}), −${fmt(each)} a day, −${fmt(amount)}`,
        };
  }
}

function byDueThenItem(duties: UnitDuties, a: number, b: number): number {
  const x = duties.judged[a] as Judgement;
  const y = duties.judged[b] as Judgement;
  return (
    cmp(x.dueOn ?? '', y.dueOn ?? '') ||
    cmp((duties.assignments[a] as Assignment).workItemId, (duties.assignments[b] as Assignment).workItemId)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
