import type { IsoDate } from '../_lib/iso-date';
import type { LocalizedMessage } from '../_lib/result';
import type { DeadlineStatus } from '../deadlines/evaluate-status';
import type { AssignmentRole, WorkItemId } from '../plan/types';
import type { EventMatch } from '../progress/match-events';
import type { EventId, OutsideEventKind } from '../progress/outside-event';
import type { ReportId } from '../progress/types';
import type { UnitId, UnitKind } from '../units/unit';

/**
 * Which assignments a completion or timeliness indicator looks at: roles, and work items by
 * category ordinal, key task number or id. Every assignment of the unit when empty.
 *
 * @example
 * ```ts
 * const scope: WorkScope = { roles: ['lead'], keyTasks: [6, 7, 8] };
 * ```
 */
export interface WorkScope {
  readonly roles?: readonly AssignmentRole[];
  /** Category ordinals: (一) is 1. */
  readonly categories?: readonly number[];
  readonly keyTasks?: readonly number[];
  readonly workItems?: readonly string[];
}

/**
 * Share of the unit's assignments done on time: `points × (on time + lateFraction × late) / due`.
 * Done on time, a met recurring minimum and a standing duty reported in its window count as on time;
 * done late earns `lateFraction`; overdue, stale and behind earn nothing; duties not yet due
 * (not_due, due_soon, waiting_for_event) are not counted. With nothing due: `whenNoneDue` (default
 * `'full'`: 无此项任务的不扣分).
 *
 * @example
 * ```ts
 * const m: CompletionMethod = { kind: 'completion', lateFraction: 0.5, scope: { categories: [2] } };
 * ```
 */
export interface CompletionMethod {
  readonly kind: 'completion';
  readonly scope?: WorkScope;
  /** 0–1, at most three decimals. */
  readonly lateFraction: number;
  readonly whenNoneDue?: 'full' | 'zero';
}

/**
 * Deductions for lateness from full points: `deduct` per late assignment (overdue, done late, stale
 * or behind), or per working day late (overdue: days past due as of the date; done late: days from
 * due to done; a stale or behind duty counts one day). Never below 0.
 *
 * @example
 * ```ts
 * const m: TimelinessMethod = { kind: 'timeliness', per: 'working_day_late', deduct: 0.5 };
 * ```
 */
export interface TimelinessMethod {
  readonly kind: 'timeliness';
  readonly scope?: WorkScope;
  readonly per: 'late_item' | 'working_day_late';
  readonly deduct: number;
}

/**
 * Points per matching event concerning the unit within the scheme's period: `deduct` starts from
 * full points and takes `each` off per event (通报批评 −N, floored at 0); `add` starts from 0 and
 * adds `each` per event (通报表扬, 经验推广 +N, capped at the indicator's points).
 *
 * @example
 * ```ts
 * const m: EventsMethod = { kind: 'events', direction: 'deduct', each: 5, match: { kind: 'circular', tone: 'criticism' } };
 * ```
 */
export interface EventsMethod {
  readonly kind: 'events';
  readonly direction: 'deduct' | 'add';
  readonly each: number;
  readonly match: EventMatch;
}

/**
 * A recurring duty's threshold: at least `minimum` matching events concerning the unit within the
 * scheme's period → full points; fewer → 0 (`belowMinimum: 'zero'`) or the share held
 * (`'proportional'`: points × count / minimum).
 *
 * @example
 * ```ts
 * const m: RecurringMethod = { kind: 'recurring', match: { kind: 'training' }, minimum: 1, belowMinimum: 'zero' };
 * ```
 */
export interface RecurringMethod {
  readonly kind: 'recurring';
  readonly match: EventMatch;
  readonly minimum: number;
  readonly belowMinimum: 'zero' | 'proportional';
}

/**
 * Points an assessor gives by hand, with a reason ({@link ManualScore}); without one, `whenMissing`
 * (default `'zero'`).
 *
 * @example
 * ```ts
 * const m: ManualMethod = { kind: 'manual', whenMissing: 'zero' };
 * ```
 */
export interface ManualMethod {
  readonly kind: 'manual';
  readonly whenMissing?: 'zero' | 'full';
}

/**
 * How a leaf indicator is scored. Switch on `kind`; end with `assertNever`.
 *
 * @example
 * ```ts
 * const m: ScoringMethod = { kind: 'completion', lateFraction: 0.5 };
 * ```
 */
export type ScoringMethod =
  | CompletionMethod
  | TimelinessMethod
  | EventsMethod
  | RecurringMethod
  | ManualMethod;

interface IndicatorBase {
  /** Unique within the scheme, e.g. `t2.1`. */
  readonly id: string;
  readonly name: string;
  /** The most the indicator can give, in points with at most two decimals. */
  readonly points: number;
  /** Why the indicator is there (the plan clause it measures). */
  readonly rationale?: string;
}

/**
 * An indicator with sub-indicators (一级 / 二级 指标); their points add up to its points.
 *
 * @example
 * ```ts
 * const g: IndicatorGroup = { kind: 'group', id: 't1', name: '重点任务落实', points: 30, children: [leaf1, leaf2] };
 * ```
 */
export interface IndicatorGroup extends IndicatorBase {
  readonly kind: 'group';
  readonly children: readonly Indicator[];
}

/**
 * An indicator scored by a method (the lowest level, 二级 or 三级 指标).
 *
 * @example
 * ```ts
 * const l: IndicatorLeaf = { kind: 'leaf', id: 't1.1', name: '按时完成', points: 20, method: { kind: 'completion', lateFraction: 0.5 } };
 * ```
 */
export interface IndicatorLeaf extends IndicatorBase {
  readonly kind: 'leaf';
  readonly method: ScoringMethod;
}

/**
 * A node of the indicator tree (at most three levels).
 *
 * @example
 * ```ts
 * const i: Indicator = { kind: 'leaf', id: 'b1', name: '通报表扬', points: 4, method: { kind: 'events', direction: 'add', each: 2, match: { kind: 'circular', tone: 'commendation' } } };
 * ```
 */
export type Indicator = IndicatorGroup | IndicatorLeaf;

/**
 * Which units a class covers: units of these kinds, plus `include`, minus `exclude` (ids).
 *
 * @example
 * ```ts
 * const a: Applicability = { kinds: ['department', 'directly_affiliated'], include: ['ecology-environment-branch'], exclude: ['gov-office'] };
 * ```
 */
export interface Applicability {
  readonly kinds?: readonly UnitKind[];
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
}

/**
 * A class of units scored and ranked together (乡镇街道, 区直部门), with its indicator tree (level-one
 * points add up to the scheme's total) and its bonus indicators (加分项, outside the total, each
 * capped at its points and all together at `bonusCap`).
 *
 * @example
 * ```ts
 * const c: UnitClass = { id: 'townships', name: '乡镇街道', appliesTo: { kinds: ['subdistrict', 'town', 'township'] }, indicators, bonuses, bonusCap: 5 };
 * ```
 */
export interface UnitClass {
  readonly id: string;
  readonly name: string;
  readonly appliesTo: Applicability;
  readonly indicators: readonly Indicator[];
  readonly bonuses?: readonly Indicator[];
  readonly bonusCap?: number;
}

/**
 * Total points from which each grade starts (inclusive). Default 90 / 80 / 60.
 *
 * @example
 * ```ts
 * const g: GradeThresholds = { excellent: 90, good: 80, pass: 60 };
 * ```
 */
export interface GradeThresholds {
  readonly excellent: number;
  readonly good: number;
  readonly pass: number;
}

/**
 * An assessment scheme (考核方案 / 考核细则) as data: JSON-serialisable, checked by `validateScheme`.
 *
 * @example
 * ```ts
 * const s: AssessmentScheme = { id: 'x-2020', name: '…', total: 100, period: { from: '2020-01-01', to: '2020-12-31' }, classes: [c] };
 * ```
 */
export interface AssessmentScheme {
  readonly id: string;
  readonly name: string;
  /** Points of the indicator tree (bonuses come on top). */
  readonly total: number;
  /** Events and recurring duties count within this window (inclusive), and never after `asOf`. */
  readonly period: { readonly from: IsoDate; readonly to: IsoDate };
  readonly grades?: GradeThresholds;
  readonly classes: readonly UnitClass[];
}

/**
 * A score an assessor gives by hand on a `manual` indicator, with the reason.
 *
 * @example
 * ```ts
 * const m: ManualScore = { unitId: unitId('520502001'), indicatorId: 't4.1', points: 4, reason: '公开机构健全,人员到位', assessor: '区政府办' };
 * ```
 */
export interface ManualScore {
  readonly unitId: UnitId;
  readonly indicatorId: string;
  readonly points: number;
  readonly reason: string;
  readonly assessor?: string;
  readonly scoredOn?: IsoDate;
}

/**
 * Where a score line comes from: full points a deduction starts from, an assignment, an event, the
 * occurrences of a recurring duty, a manual score, nothing due, or the bonus cap.
 *
 * @example
 * ```ts
 * const s: LineSource = { kind: 'event', eventId: 'e2' as EventId, eventKind: 'circular' };
 * ```
 */
export type LineSource =
  | { readonly kind: 'full_points' }
  | {
      readonly kind: 'assignment';
      readonly workItemId: WorkItemId;
      readonly role: AssignmentRole;
      readonly status: DeadlineStatus;
      readonly dueOn: IsoDate | null;
      readonly doneOn: IsoDate | null;
      /** The report that decided it (the first `done`, or the latest). */
      readonly reportId?: ReportId;
    }
  | { readonly kind: 'event'; readonly eventId: EventId; readonly eventKind: OutsideEventKind }
  | { readonly kind: 'occurrences'; readonly eventIds: readonly EventId[]; readonly count: number }
  | { readonly kind: 'manual'; readonly reason: string; readonly assessor?: string }
  | { readonly kind: 'none_due' }
  | { readonly kind: 'bonus_cap' };

/**
 * One point added or deducted, with where it came from. `hundredths` is exact (integer); `points`
 * is `hundredths / 100`. A unit's lines add up to its total exactly.
 *
 * @example
 * ```ts
 * const l: ScoreLine = { indicatorId: 't4.3', hundredths: -500, points: -5, source, message: { zh: '省政府办公厅通报批评:…', en: '…' } };
 * ```
 */
export interface ScoreLine {
  readonly indicatorId: string;
  readonly hundredths: number;
  readonly points: number;
  readonly source: LineSource;
  readonly message: LocalizedMessage;
  /** When a cap or floor cut this line: what it would have been, in hundredths. */
  readonly cappedFrom?: number;
}

/**
 * An indicator's score for a unit: the most it can give, what it gave, and its sub-indicators.
 *
 * @example
 * ```ts
 * const s: IndicatorScore = { indicatorId: 't1', name: '…', max: 30, score: 27.5, scoreHundredths: 2750, children: [] };
 * ```
 */
export interface IndicatorScore {
  readonly indicatorId: string;
  readonly name: string;
  readonly max: number;
  readonly score: number;
  readonly scoreHundredths: number;
  readonly children: readonly IndicatorScore[];
}

/**
 * 优秀 / 良好 / 合格 / 不合格.
 *
 * @example
 * ```ts
 * const g: Grade = 'good';
 * GRADE_LABELS[g]; // '良好'
 * ```
 */
export type Grade = 'excellent' | 'good' | 'pass' | 'fail';

/**
 * A unit's assessment: total (indicator tree plus capped bonuses), the tree's scores, grade, rank
 * within its class (ties share a rank: 1, 2, 2, 4) and the explanation lines.
 *
 * @example
 * ```ts
 * const u: UnitScore = scoreUnits(plan, input).units[0]!;
 * u.lines.reduce((s, l) => s + l.hundredths, 0) === u.totalHundredths; // true
 * ```
 */
export interface UnitScore {
  readonly unitId: UnitId;
  readonly unitName: string;
  readonly classId: string;
  readonly total: number;
  readonly totalHundredths: number;
  /** The indicator tree's part (at most the scheme's total). */
  readonly base: number;
  /** The bonuses' part, after every cap. */
  readonly bonus: number;
  readonly indicators: readonly IndicatorScore[];
  readonly bonuses: readonly IndicatorScore[];
  readonly grade: Grade;
  /** 优秀 / 良好 / 合格 / 不合格. */
  readonly gradeLabel: string;
  readonly rank: number;
  /** Units ranked in the class. */
  readonly classSize: number;
  readonly lines: readonly ScoreLine[];
  /**
   * True when a date this unit's score rests on (the as-of day, a due day, a done day) lay outside
   * the calendar's coverage and was counted with weekends only; its lines that rest on such a date
   * end with "(日期超出工作日历,按仅周末估算)" / "(date outside the work calendar: weekends-only estimate)".
   */
  readonly estimated: boolean;
}

/**
 * The assessment of every unit the scheme covers, as of a date, class by class, each class in rank
 * order (ties by unit id).
 *
 * @example
 * ```ts
 * const r: AssessmentResult = scoreUnits(qixingguan2020, { reports, events, scheme: qixingguan2020Assessment, asOf: '2020-12-31' });
 * r.units.filter((u) => u.grade === 'excellent').length;
 * ```
 */
export interface AssessmentResult {
  readonly schemeId: string;
  readonly asOf: IsoDate;
  readonly classes: readonly {
    readonly classId: string;
    readonly name: string;
    readonly unitIds: readonly UnitId[];
  }[];
  readonly units: readonly UnitScore[];
  /** True when any unit's score is `estimated` (a date outside the calendar's coverage). */
  readonly estimated: boolean;
}
