import type { IsoDate } from '../_lib/iso-date';
import { type EvaluateStatusOptions, evaluateStatus, type StatusResult } from '../deadlines/evaluate-status';
import type { RecurringDeadline } from '../deadlines/types';
import type { UnitId } from '../units/unit';
import { type EventMatch, matchEvents } from './match-events';
import type { OutsideEvent } from './outside-event';

/**
 * A recurring duty's status (met / behind / due soon …) with the events that counted as its
 * occurrences, e.g. the training sessions 区政府办 organised against 每年至少要组织1—2次.
 *
 * @example
 * ```ts
 * const r: RecurringDutyResult = { ...statusResult, occurrences: [training1], targetReached: false };
 * ```
 */
export interface RecurringDutyResult extends StatusResult {
  /** Matching events up to `asOf`, by date. */
  readonly occurrences: readonly OutsideEvent[];
  /** True when the current window holds at least `targetPerPeriod` occurrences. */
  readonly targetReached: boolean;
}

/**
 * Judges a recurring duty from recorded events: every matching event concerning the unit is one
 * occurrence (a `done` report for {@link evaluateStatus}).
 *
 * @example
 * ```ts
 * const d = parseDeadline('每年至少要组织1—2次', { planYear: 2020, issuedOn: '2020-06-04' });
 * if (d.ok && d.value.kind === 'recurring') {
 *   const r = evaluateRecurringDuty(
 *     { deadline: d.value, events, unitId: unitId('gov-office'), match: { kind: 'training' } },
 *     { asOf: '2020-12-31' },
 *   );
 *   r.status; // 'met' after one training in 2020
 * }
 * ```
 */
export function evaluateRecurringDuty(
  input: {
    readonly deadline: RecurringDeadline;
    readonly events: readonly OutsideEvent[];
    readonly unitId: UnitId;
    readonly match: EventMatch;
  },
  options: EvaluateStatusOptions & { readonly asOf: IsoDate },
): RecurringDutyResult {
  const occurrences = matchEvents(input.events, {
    match: input.match,
    unitId: input.unitId,
    to: options.asOf,
  });
  const status = evaluateStatus(
    {
      deadline: input.deadline,
      reports: occurrences.map((e) => ({ reportedOn: e.occurredOn, state: 'done' as const })),
    },
    options,
  );
  const w = status.window;
  const inWindow = w ? occurrences.filter((e) => e.occurredOn >= w.from && e.occurredOn <= w.to).length : 0;
  return { ...status, occurrences, targetReached: inWindow >= input.deadline.targetPerPeriod };
}
