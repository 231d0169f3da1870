import { assertNever } from '../_lib/core-error';
import type { LocalizedMessage } from '../_lib/result';
import type { DeadlineStatus } from '../deadlines/evaluate-status';
import { dutiesFromProgress, type Judgement, LATE, NOT_DUE, ON_TIME, type UnitDuties } from './_lib/duties';
import { apportion, fmt, roundDiv, toHundredths } from './_lib/hundredths';
import { type ItemLabels, statusWords } from './_lib/item-label';
import {
  amountText,
  fixedText,
  LazyScoreLine,
  type LineText,
  makeLine,
  SentenceMemo,
} from './_lib/lazy-line';
import { eagerScorer, type LeafOf, type Scorer } from './_lib/scorer';
import type { IndicatorContext } from './indicator-context';
import type { CompletionMethod, LineSource, ScoreLine } from './types';

/**
 * How a completion indicator counts a status: on time (1), late (`lateFraction`), missed (0), or not
 * counted yet.
 *
 * @example
 * ```ts
 * completionClass('ongoing'); // 'on_time'
 * completionClass('due_soon'); // 'not_due'
 * ```
 */
export function completionClass(status: DeadlineStatus): 'on_time' | 'late' | 'missed' | 'not_due' {
  switch (status) {
    case 'done_on_time':
    case 'met':
    case 'ongoing':
      return 'on_time';
    case 'done_late':
      return 'late';
    case 'overdue':
    case 'stale':
    case 'behind':
      return 'missed';
    case 'not_due':
    case 'due_soon':
    case 'waiting_for_event':
      return 'not_due';
    default:
      return assertNever(status, 'deadline status');
  }
}

/**
 * Scores a completion indicator: `points × (on time + lateFraction × late) / due`, rounded to
 * hundredths, then shared among the earning assignments (1 each on time, `lateFraction` each late)
 * by largest remainder, so the lines add up to the indicator's score exactly. Missed assignments
 * get a 0 line that says why; duties not yet due get none.
 *
 * @example
 * ```ts
 * // 20 points; 3 due: 1 on time, 1 late (½), 1 overdue → 20 × 1.5 / 3 = 10.00: lines 6.67, 3.33, 0
 * scoreCompletion(indicator, ctx).map((l) => l.points); // [6.67, 3.33, 0]
 * ```
 */
export const scoreCompletion: Scorer<CompletionMethod> = eagerScorer(completionLines);

/** {@link scoreCompletion} with lines that write their sentence when read. @internal */
export function completionLines(
  indicator: LeafOf<CompletionMethod>,
  ctx: IndicatorContext,
  duties: UnitDuties = dutiesFromProgress(ctx.progress, ctx.calendar, ctx.places),
): ScoreLine[] {
  const m = indicator.method;
  const max = toHundredths(indicator.points);
  const lateMille = Math.round(m.lateFraction * 1000);
  const earning: number[] = [];
  const weights: number[] = [];
  const missed: number[] = [];
  let due = 0;
  for (let i = 0; i < duties.count; i++) {
    const c = (duties.judged[i] as Judgement).cls;
    if (c === NOT_DUE || !duties.inScope(i, m.scope)) continue;
    due++;
    if (c === ON_TIME) {
      earning.push(i);
      weights.push(1000);
    } else if (c === LATE) {
      earning.push(i);
      weights.push(lateMille);
    } else missed.push(i);
  }
  if (due === 0) {
    const full = (m.whenNoneDue ?? 'full') === 'full';
    return [
      new LazyScoreLine(
        indicator.id,
        full ? max : 0,
        NONE_DUE,
        full ? NONE_DUE_FULL : NONE_DUE_ZERO,
        undefined,
      ),
    ];
  }
  let weightSum = 0;
  for (const w of weights) weightSum += w;
  const earned = roundDiv(max * weightSum, due * 1000);
  const parts = apportion(earned, weights);
  const text = duties.sharedText(
    `completion ${m.lateFraction} ${due}`,
    () => new CompletionText(due, m.lateFraction, duties.label),
  );
  const lines: ScoreLine[] = new Array(earning.length + missed.length);
  let k = 0;
  for (let e = 0; e < earning.length; e++) {
    const i = earning[e] as number;
    const amount = parts[e] ?? 0;
    lines[k++] = makeLine(
      duties.eager,
      indicator.id,
      amount,
      duties.source(i),
      text,
      undefined,
      duties.notes(i),
    );
  }
  for (const i of missed) {
    lines[k++] = makeLine(duties.eager, indicator.id, 0, duties.source(i), text, undefined, duties.notes(i));
  }
  return lines;
}

const NONE_DUE = Object.freeze({ kind: 'none_due' } as const);
const NONE_DUE_ZERO = fixedText({
  zh: '截至评估日无到期任务,不得分',
  en: 'No duty due by the assessment date: no points',
});

const NONE_DUE_FULL = amountText((max) => ({
  zh: `截至评估日无到期任务,不扣分(${fmt(max)}分)`,
  en: `No duty due by the assessment date: full points (${fmt(max)})`,
}));

/**
 * The wording of a completion indicator's lines when `due` duties are due: one per scoring for
 * each (late fraction, due count), shared by every unit with that count, so that each sentence is
 * written once (by item, status and amount) however many units say it.
 */
class CompletionText implements LineText {
  readonly #memo = new SentenceMemo();

  constructor(
    readonly due: number,
    readonly lateFraction: number,
    readonly label: ItemLabels,
  ) {}

  // The line's source names the item and its status: the progress itself need not stay alive.
  text(_: unknown, amount: number, source: LineSource): LocalizedMessage {
    const s = source as AssignmentSource;
    return (
      this.#memo.get(s.workItemId, s.status, amount) ??
      this.#memo.set(
        s.workItemId,
        s.status,
        amount,
        describe(this.label(s.workItemId), s.status, amount, this.lateFraction, this.due),
      )
    );
  }
}

type AssignmentSource = Extract<LineSource, { kind: 'assignment' }>;

function describe(
  item: LocalizedMessage,
  status: DeadlineStatus,
  amount: number,
  lateFraction: number,
  due: number,
): LocalizedMessage {
  const share = `1/${due}`;
  switch (completionClass(status)) {
    case 'on_time':
      return {
        zh: `${item.zh}:按时完成,得${share}份(${fmt(amount)}分)`,
        en: `${item.en}: on time, ${share} of the points (${fmt(amount)})`,
      };
    case 'late':
      return {
        zh: `${item.zh}:逾期完成,得${share}份的${lateFraction}(${fmt(amount)}分)`,
        en: `${item.en}: done late, ${lateFraction} of ${share} of the points (${fmt(amount)})`,
      };
    default: {
      const words = statusWords(status);
      return {
        zh: `${item.zh}:未按期完成(${words.zh}),不得分`,
        en: `${item.en}: not done in time (${words.en}), no points`,
      };
    }
  }
}
