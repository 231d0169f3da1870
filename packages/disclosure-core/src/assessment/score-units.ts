import { assertNever, CoreError } from '../_lib/core-error';
import { chinaWorkCalendar } from '../calendar/china-work-calendar';
import { expandAssignments } from '../plan/expand-assignments';
import type { Plan, WorkItemId } from '../plan/types';
import type { AssignmentProgress } from '../progress/evaluate-assignment';
import type { ProgressInput } from '../progress/evaluate-plan-assignments';
import { reportDayRowsOf } from '../progress/index-reports';
import { eventUnits, type OutsideEvent, toRecordedEvents } from '../progress/outside-event';
import { readPlanDeadlines } from '../progress/read-plan-deadlines';
import type { Unit, UnitId } from '../units/unit';
import { dutiesFromProgress, UnitDuties } from './_lib/duties';
import { clampLines, toHundredths, toPoints } from './_lib/hundredths';
import { itemLabels } from './_lib/item-label';
import { dutyJudge } from './_lib/judge-duties';
import { eagerLines } from './_lib/lazy-line';
import { DEFAULT_GRADE_THRESHOLDS, GRADE_LABELS, gradeFor } from './grade';
import type { IndicatorContext, WorkItemPlace } from './indicator-context';
import { rankTotals } from './rank-totals';
import { completionLines } from './score-completion';
import { eventLines } from './score-events';
import { manualLines } from './score-manual';
import { recurringLines } from './score-recurring';
import { timelinessLines } from './score-timeliness';
import type {
  Applicability,
  AssessmentResult,
  AssessmentScheme,
  Indicator,
  IndicatorLeaf,
  IndicatorScore,
  ManualScore,
  ScoreLine,
  UnitClass,
  UnitScore,
} from './types';
import { validateScheme } from './validate-scheme';

/**
 * What {@link scoreUnits} reads: the progress input (reports, events, as-of date …), the scheme, and
 * the assessors' manual scores.
 *
 * @example
 * ```ts
 * const input: ScoreUnitsInput = { reports, events, scheme: qixingguan2020Assessment, asOf: '2020-12-31', manualScores: [] };
 * ```
 */
export interface ScoreUnitsInput extends ProgressInput {
  readonly scheme: AssessmentScheme;
  readonly manualScores?: readonly ManualScore[];
  readonly events?: readonly OutsideEvent[];
  /**
   * When each line's `message` is written. `'eager'` (default): every line is a plain object with
   * its sentences. `'lazy'`: a line keeps its numbers, its source and the item, report or event it
   * came from as before, but writes its sentences on the first read of `message` (then keeps them);
   * `JSON.stringify` gives exactly what the eager line gives. Eager lines share one frozen
   * `message` object per distinct sentence (each is written once per scoring), so at province
   * scale both cost about the same; lazy lines still skip the sentences nobody reads. Lazy lines
   * are class instances: `message` and `points` are getters, so `{ ...line }` or `structuredClone`
   * drop them (use `JSON.parse(JSON.stringify(line))`).
   */
  readonly lineMessages?: 'eager' | 'lazy';
}

/**
 * Scores every unit the scheme covers as of a date: each leaf indicator by its method, groups as the
 * sum of their children, bonuses on top (each capped at its points, together at the class's
 * `bonusCap`), a grade from the scheme's thresholds and a rank within the class (ties share a rank:
 * 1, 2, 2, 4). Every point comes with a line naming the work item, report or event it came from, and
 * a unit's lines add up to its total exactly (integer hundredths). A unit belongs to the first class
 * whose applicability covers it. Throws `CoreError('INVALID_SCHEME')` for a scheme that
 * {@link validateScheme} rejects. Reports given as `indexReports(reports)` are not grouped again
 * (build the index once to score as of several dates); the result is the same either way.
 *
 * Pass the whole report history: reports after `asOf` are ignored and a correction (`supersedes`)
 * counts from its own date, as `reportsAsOf` decides. Dates outside the calendar's coverage
 * (an `asOf` from 2027 on with the China calendar) never throw by default: they are counted with
 * weekends only, and the result says so: `estimated` on the result and on each unit, and a note at
 * the end of every line whose status rests on an estimated date. `outsideCoverage: 'error'` throws
 * `CoreError('DATE_OUT_OF_CALENDAR')` instead.
 *
 * @example
 * ```ts
 * const r = scoreUnits(qixingguan2020, { reports, events, scheme: qixingguan2020Assessment, asOf: '2020-12-31' });
 * const u = r.units.find((s) => s.unitId === '520502001');
 * u?.total; u?.grade; u?.rank; u?.lines.map((l) => `${l.points} ${l.message.zh}`);
 * ```
 */
export function scoreUnits(plan: Plan, input: ScoreUnitsInput): AssessmentResult {
  const checked = validateScheme(input.scheme);
  if (!checked.ok) {
    throw new CoreError('INVALID_SCHEME', `Invalid assessment scheme: ${JSON.stringify(checked.issues)}`, {
      cause: checked.issues,
    });
  }
  const scheme = checked.value;
  const classes = scheme.classes;
  const membership = new Map<UnitId, number>();
  const members: Unit[][] = classes.map(() => []);
  for (const unit of plan.units.units) {
    const at = classes.findIndex((c) => applies(c.appliesTo, unit));
    if (at >= 0) {
      membership.set(unit.id, at);
      members[at]?.push(unit);
    }
  }
  const assignments = (input.assignments ?? expandAssignments(plan)).filter((a) => membership.has(a.unitId));
  const places = workItemPlaces(plan);
  const calendar = input.calendar ?? chinaWorkCalendar;
  // The statuses' own sentences are not part of the result: not written. Each unit's assignments
  // are judged on plain arrays just before the unit is scored (see judge-duties).
  const judge = dutyJudge(
    reportDayRowsOf(input.reports),
    input.deadlines ?? readPlanDeadlines(plan).deadlines,
    places,
    toRecordedEvents(input.events ?? []).filter((e) => (e.occurredOn as string) <= input.asOf),
    {
      asOf: input.asOf,
      ...(input.calendar ? { calendar: input.calendar } : {}),
      ...(input.dueSoonWorkingDays !== undefined ? { dueSoonWorkingDays: input.dueSoonWorkingDays } : {}),
      ...(input.outsideCoverage ? { outsideCoverage: input.outsideCoverage } : {}),
      explanations: false,
    },
    calendar,
  );
  const assignmentsByUnit = groupBy(assignments, (a) => [a.unitId]);
  const eventsByUnit = groupBy(input.events ?? [], eventUnits);
  const manualByUnit = groupBy(input.manualScores ?? [], (m) => [m.unitId]);
  const thresholds = scheme.grades ?? DEFAULT_GRADE_THRESHOLDS;
  const eager = (input.lineMessages ?? 'eager') === 'eager';
  const duties = new UnitDuties(itemLabels(places));
  duties.eager = eager;

  const resultClasses: AssessmentResult['classes'][number][] = [];
  const units: UnitScore[] = [];
  classes.forEach((unitClass, ci) => {
    const scored = (members[ci] ?? []).map((unit) => {
      judge.judgeUnit(unit.id, assignmentsByUnit.get(unit.id), duties);
      const ctx: IndicatorContext = {
        unitId: unit.id,
        asOf: input.asOf,
        period: scheme.period,
        progress: NO_PROGRESS,
        events: eventsByUnit.get(unit.id) ?? [],
        manualScores: manualByUnit.get(unit.id) ?? [],
        calendar,
        places,
      };
      return scoreOneUnit(unit, unitClass, ctx, duties, eager);
    });
    const ranks = rankTotals(scored.map((s) => s.totalHundredths));
    const ranked = scored
      .map((s, i): UnitScore => {
        const grade = gradeFor(toPoints(s.totalHundredths), thresholds);
        // Key for key what `{ ...s, grade, … }` gives (the JSON keeps its order), without the spread.
        return {
          unitId: s.unitId,
          unitName: s.unitName,
          classId: s.classId,
          total: s.total,
          totalHundredths: s.totalHundredths,
          base: s.base,
          bonus: s.bonus,
          indicators: s.indicators,
          bonuses: s.bonuses,
          lines: s.lines,
          estimated: s.estimated,
          grade,
          gradeLabel: GRADE_LABELS[grade],
          rank: ranks[i] ?? 0,
          classSize: scored.length,
        };
      })
      .sort((a, b) => a.rank - b.rank || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
    resultClasses.push({ classId: unitClass.id, name: unitClass.name, unitIds: ranked.map((u) => u.unitId) });
    for (const u of ranked) units.push(u);
  });
  return {
    schemeId: scheme.id,
    asOf: input.asOf,
    classes: resultClasses,
    units,
    estimated: units.some((u) => u.estimated),
  };
}

// A leaf's (empty) children: one frozen array for every leaf score.
const NO_CHILDREN: readonly IndicatorScore[] = Object.freeze([]);

/** The progress a scoring context shows: scoring reads the unit's judged duties instead. */
const NO_PROGRESS: readonly AssignmentProgress[] = Object.freeze([]);

type Unranked = Omit<UnitScore, 'grade' | 'gradeLabel' | 'rank' | 'classSize'>;

function scoreOneUnit(
  unit: Unit,
  unitClass: UnitClass,
  ctx: IndicatorContext,
  duties: UnitDuties,
  eager: boolean,
): Unranked {
  const baseLines: ScoreLine[] = [];
  for (const indicator of unitClass.indicators) collectLines(indicator, ctx, duties, baseLines);
  let bonusLines: ScoreLine[] = [];
  for (const indicator of unitClass.bonuses ?? []) collectLines(indicator, ctx, duties, bonusLines);
  if (unitClass.bonusCap !== undefined) {
    bonusLines = clampLines(bonusLines, 0, toHundredths(unitClass.bonusCap));
  }
  const byIndicator = new Map<string, number>();
  for (const l of baseLines)
    byIndicator.set(l.indicatorId, (byIndicator.get(l.indicatorId) ?? 0) + l.hundredths);
  for (const l of bonusLines)
    byIndicator.set(l.indicatorId, (byIndicator.get(l.indicatorId) ?? 0) + l.hundredths);
  const lines = baseLines.concat(bonusLines);
  const indicators = unitClass.indicators.map((i) => indicatorScore(i, byIndicator));
  const bonuses = (unitClass.bonuses ?? []).map((i) => indicatorScore(i, byIndicator));
  const base = sum(indicators.map((i) => i.scoreHundredths));
  const bonus = sum(bonuses.map((i) => i.scoreHundredths));
  return {
    unitId: unit.id,
    unitName: unit.name,
    classId: unitClass.id,
    total: toPoints(base + bonus),
    totalHundredths: base + bonus,
    base: toPoints(base),
    bonus: toPoints(bonus),
    indicators,
    bonuses,
    lines: eager ? eagerLines(lines) : lines,
    estimated: duties.estimated,
  };
}

function collectLines(
  indicator: Indicator,
  ctx: IndicatorContext,
  duties: UnitDuties,
  out: ScoreLine[],
): void {
  if (indicator.kind === 'group') {
    for (const child of indicator.children) collectLines(child, ctx, duties, out);
    return;
  }
  for (const l of leafLines(indicator, ctx, duties)) out.push(l);
}

/**
 * Scores one leaf indicator for one unit with its method: the lines, which add up to a value
 * within [0, points].
 *
 * @example
 * ```ts
 * scoreLeaf({ kind: 'leaf', id: 'x', name: '培训', points: 5, method: { kind: 'recurring', match: { kind: 'training' }, minimum: 1, belowMinimum: 'zero' } }, ctx);
 * ```
 */
export function scoreLeaf(indicator: IndicatorLeaf, ctx: IndicatorContext): ScoreLine[] {
  return eagerLines(leafLines(indicator, ctx, dutiesFromProgress(ctx.progress, ctx.calendar, ctx.places)));
}

/** {@link scoreLeaf} with lines that write their sentence when read. */
function leafLines(indicator: IndicatorLeaf, ctx: IndicatorContext, duties: UnitDuties): ScoreLine[] {
  // The narrowing casts stand for `{ ...indicator, method: m }`: the same object, no copy per unit.
  const m = indicator.method;
  switch (m.kind) {
    case 'completion':
      return completionLines(indicator as IndicatorLeaf & { readonly method: typeof m }, ctx, duties);
    case 'timeliness':
      return timelinessLines(indicator as IndicatorLeaf & { readonly method: typeof m }, ctx, duties);
    case 'events':
      return eventLines(indicator as IndicatorLeaf & { readonly method: typeof m }, ctx);
    case 'recurring':
      return recurringLines(indicator as IndicatorLeaf & { readonly method: typeof m }, ctx, duties);
    case 'manual':
      return manualLines(indicator as IndicatorLeaf & { readonly method: typeof m }, ctx);
    default:
      return assertNever(m, 'scoring method');
  }
}

function indicatorScore(indicator: Indicator, byIndicator: ReadonlyMap<string, number>): IndicatorScore {
  let children = NO_CHILDREN;
  let hundredths: number;
  if (indicator.kind === 'group') {
    const scored: IndicatorScore[] = new Array(indicator.children.length);
    hundredths = 0;
    for (let i = 0; i < scored.length; i++) {
      const c = indicatorScore(indicator.children[i] as Indicator, byIndicator);
      scored[i] = c;
      hundredths += c.scoreHundredths;
    }
    children = scored;
  } else hundredths = byIndicator.get(indicator.id) ?? 0;
  return {
    indicatorId: indicator.id,
    name: indicator.name,
    max: indicator.points,
    score: toPoints(hundredths),
    scoreHundredths: hundredths,
    children,
  };
}

/**
 * True when a unit falls under a class's applicability: its kind is listed or its id included, and
 * its id is not excluded.
 *
 * @example
 * ```ts
 * appliesTo({ kinds: ['town'], exclude: ['520502101'] }, townUnit);
 * ```
 */
export function appliesTo(applicability: Applicability, unit: Pick<Unit, 'id' | 'kind'>): boolean {
  return applies(applicability, unit);
}

function applies(a: Applicability, unit: Pick<Unit, 'id' | 'kind'>): boolean {
  if (a.exclude?.includes(unit.id)) return false;
  return (a.kinds?.includes(unit.kind) ?? false) || (a.include?.includes(unit.id) ?? false);
}

/**
 * Where each work item of a plan sits: category ordinal, key task number, its position in the key
 * task and its content (what score lines name it by).
 *
 * @example
 * ```ts
 * workItemPlaces(qixingguan2020).get('qixingguan-2020/t6/i1' as WorkItemId); // { category: 2, keyTask: 6, ordinal: 1, content: '…' }
 * ```
 */
export function workItemPlaces(plan: Plan): Map<WorkItemId, WorkItemPlace> {
  const places = new Map<WorkItemId, WorkItemPlace>();
  for (const c of plan.categories) {
    for (const t of c.keyTasks)
      for (const i of t.workItems)
        places.set(i.id, { category: c.ordinal, keyTask: t.number, ordinal: i.ordinal, content: i.content });
  }
  return places;
}

function groupBy<T>(list: readonly T[], keys: (x: T) => readonly UnitId[]): Map<UnitId, T[]> {
  const map = new Map<UnitId, T[]>();
  for (const x of list) {
    for (const k of keys(x)) {
      const l = map.get(k);
      if (l) l.push(x);
      else map.set(k, [x]);
    }
  }
  return map;
}

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
