import type { IsoDate } from '../_lib/iso-date';
import type { WorkCalendar } from '../calendar/types';
import type { WorkItemId } from '../plan/types';
import type { AssignmentProgress } from '../progress/evaluate-assignment';
import type { OutsideEvent } from '../progress/outside-event';
import type { UnitId } from '../units/unit';
import type { ManualScore, WorkScope } from './types';

/**
 * What a scoring method sees for one unit: its assignments' progress, the events concerning it, its
 * manual scores, the window events count in, the date, the calendar, and where each work item sits.
 *
 * @example
 * ```ts
 * const ctx: IndicatorContext = {
 *   unitId: unitId('520502001'), asOf: '2020-12-31', period: { from: '2020-06-04', to: '2020-12-31' },
 *   progress, events, manualScores: [], calendar: chinaWorkCalendar, places: workItemPlaces(qixingguan2020),
 * };
 * ```
 */
export interface IndicatorContext {
  readonly unitId: UnitId;
  readonly asOf: IsoDate;
  readonly period: { readonly from: IsoDate; readonly to: IsoDate };
  readonly progress: readonly AssignmentProgress[];
  /** Events concerning the unit (named, organizer, promoted), any date: methods apply the window. */
  readonly events: readonly OutsideEvent[];
  readonly manualScores: readonly ManualScore[];
  readonly calendar: WorkCalendar;
  readonly places: ReadonlyMap<WorkItemId, WorkItemPlace>;
}

/**
 * Where a work item sits in its plan: its category ordinal and key task number.
 *
 * @example
 * ```ts
 * const p: WorkItemPlace = { category: 2, keyTask: 6, ordinal: 1, content: '围绕“六稳”“六保”…' };
 * ```
 */
export interface WorkItemPlace {
  readonly category: number;
  readonly keyTask: number;
  /** 1-based position among the key task's items: score lines say 任务5 第2项. */
  readonly ordinal?: number;
  /** The item's content, quoted (shortened) by score lines. */
  readonly content?: string;
}

/**
 * True when an assignment falls in a {@link WorkScope}.
 *
 * @example
 * ```ts
 * inScope(progress, { roles: ['lead'], keyTasks: [6] }, places);
 * ```
 */
export function inScope(
  p: AssignmentProgress,
  scope: WorkScope | undefined,
  places: ReadonlyMap<WorkItemId, WorkItemPlace>,
): boolean {
  if (!scope) return true;
  const a = p.assignment;
  if (scope.roles && !scope.roles.includes(a.role)) return false;
  if (scope.workItems && !scope.workItems.includes(a.workItemId)) return false;
  if (scope.categories || scope.keyTasks) {
    const place = places.get(a.workItemId);
    if (!place) return false;
    if (scope.categories && !scope.categories.includes(place.category)) return false;
    if (scope.keyTasks && !scope.keyTasks.includes(place.keyTask)) return false;
  }
  return true;
}

/** The window events count in for a scoring as of `asOf`: the scheme period, cut at `asOf`. @internal */
export function eventWindow(ctx: IndicatorContext): { from: IsoDate; to: IsoDate } {
  // biome-ignore lint/complexity/useMathMinMax: ISO dates compare as strings; Math.min would give NaN.
  const to = ctx.period.to <= ctx.asOf ? ctx.period.to : ctx.asOf;
  return { from: ctx.period.from, to };
}
