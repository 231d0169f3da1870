/**
 * Judges a unit's assignments for scoring on the reports' day numbers (see `ReportDayRows`):
 * what `evaluatePlanAssignments` gives each assignment, without an `AssignmentProgress` per
 * assignment and without reading report objects (but on a cache miss or a correction). Assignments judged
 * alike share one {@link Judgement}:
 * - one-date deadlines (`by`, `afterEvent`, `relative`): only the earliest `done` day decides
 *   (the deadline code's documented rule), so the judgement is keyed on that day;
 * - standing duties (`ongoing`): on the reports in the current and the previous review window
 *   (their count, and whether the previous window had none), which is all `evaluateStatus` reads;
 * - recurring duties: on the `done` reports in the current and the previous window;
 * - corrections: the reports they supersede are left out first, as `reportsAsOf` does;
 * - milestones, and assignments with a report whose day is unreadable: the general path
 *   (`reportsAsOf`, `evaluateStatus`), one judgement each.
 * A judgement is made by `evaluateStatus` itself on the first assignment of its key.
 * @internal
 */
import type { IsoDate } from '../../_lib/iso-date';
import { parseIsoDayNumber, toDayNumber } from '../../calendar/_lib/day-number';
import type { WorkCalendar } from '../../calendar/types';
import { windowsAround } from '../../deadlines/_lib/periods';
import { evaluateStatus } from '../../deadlines/evaluate-status';
import type { Deadline, RecordedEvent } from '../../deadlines/types';
import type { Assignment, WorkItemId } from '../../plan/types';
import { type EvaluateAssignmentOptions, evaluateOwnReports } from '../../progress/evaluate-assignment';
import { memoizedStatus } from '../../progress/evaluate-plan-assignments';
import { type ReportDayRows, STATE_DONE } from '../../progress/index-reports';
import { reportsAsOf } from '../../progress/reports-as-of';
import type { ProgressReport, ReportId } from '../../progress/types';
import type { UnitId } from '../../units/unit';
import type { WorkItemPlace } from '../indicator-context';
import { decisiveReport, type Judgement, judgement, judgementOfProgress, type UnitDuties } from './duties';

const ONE_DATE = 0;
const ONGOING = 1;
const RECURRING = 2;
const GENERAL = 3;

interface Window {
  readonly from: number;
  readonly to: number;
}

interface ItemInfo {
  readonly deadline: Deadline | undefined;
  readonly place: WorkItemPlace | undefined;
  /** The work item's index in the report index, -1 when nobody reported on it. */
  readonly reportItem: number;
  readonly mode: number;
  /** Ongoing and recurring: the windows around the as-of day (null: not started). */
  readonly current: Window | null;
  readonly previous: Window | null;
  readonly byKey: Map<number, Judgement>;
}

export interface DutyJudge {
  /** Fills `out` with the judged assignments of one unit (those with a readable deadline). */
  judgeUnit(unitId: UnitId, assignments: readonly Assignment[] | undefined, out: UnitDuties): void;
}

export function dutyJudge(
  index: ReportDayRows,
  deadlines: ReadonlyMap<WorkItemId, Deadline>,
  places: ReadonlyMap<WorkItemId, WorkItemPlace>,
  events: readonly RecordedEvent[],
  options: EvaluateAssignmentOptions,
  calendar: WorkCalendar,
): DutyJudge {
  const asOf = options.asOf;
  const asOfDay = parseIsoDayNumber(asOf);
  // An unreadable as-of day: every assignment on the general path (evaluateStatus says why).
  const fast = !Number.isNaN(asOfDay);
  const statusOf = memoizedStatus(events, options);
  const infos = new Map<WorkItemId, ItemInfo>();
  const { start, days, states, simple } = index;
  const order = rowsOf(index);
  let at = new Int32Array(64);

  const info = (item: WorkItemId): ItemInfo => {
    let i = infos.get(item);
    if (i === undefined) {
      i = itemInfo(
        deadlines.get(item),
        places.get(item),
        index.items.get(item) ?? -1,
        fast ? asOfDay : Number.NaN,
      );
      infos.set(item, i);
    }
    return i;
  };

  /** The general path: what evaluatePlanAssignments does for one assignment. */
  const general = (a: Assignment, it: ItemInfo, deadline: Deadline, slot: number, out: UnitDuties) => {
    const reports = slot < 0 ? [] : order.slice(start[slot] as number, start[slot + 1] as number);
    const standing = reportsAsOf(reports, asOf);
    const p = evaluateOwnReports(a, deadline, standing, events, options, statusOf(deadline, standing));
    const j = judgementOfProgress(p, calendar);
    const decisive = p.doneOn !== null ? decisiveReport(standing, p.doneOn) : (p.latest ?? undefined);
    out.push(a, j, decisive?.id, it.place);
  };

  return {
    judgeUnit(unitId, assignments, out) {
      out.reset();
      if (assignments === undefined) return;
      const unit = index.units.get(unitId) ?? -1;
      for (const a of assignments) {
        const it = info(a.workItemId);
        const deadline = it.deadline;
        if (!deadline) continue;
        const slot = unit >= 0 && it.reportItem >= 0 ? index.slotOf(unit, it.reportItem) : -1;
        if (it.mode === GENERAL || (slot >= 0 && simple[slot] === 0)) {
          general(a, it, deadline, slot, out);
          continue;
        }
        if (slot >= 0 && at.length < (start[slot + 1] as number) - (start[slot] as number)) {
          at = new Int32Array(2 * ((start[slot + 1] as number) - (start[slot] as number)));
        }
        // Standing reports: a prefix of the slot's row (sorted by day), minus what corrections in
        // it supersede; their positions in `at[0 … n)`.
        let n = 0;
        if (slot >= 0) {
          const last = start[slot + 1] as number;
          let end = start[slot] as number;
          while (end < last && (days[end] as number) <= asOfDay) end++;
          n = standingPositions(start[slot] as number, end, simple[slot] === 2, order, at);
        }
        const firstDone = it.mode === ONE_DATE ? firstDoneAt(states, at, n) : -1;
        const key =
          it.mode === ONE_DATE
            ? firstDone >= 0
              ? (days[firstDone] as number)
              : Number.NEGATIVE_INFINITY
            : windowKey(it, days, states, at, n, asOfDay);
        let j = it.byKey.get(key);
        if (j === undefined) {
          const standing: ProgressReport[] = new Array(n);
          for (let k = 0; k < n; k++) standing[k] = order.at(at[k] as number);
          const s =
            it.mode === ONE_DATE
              ? evaluateStatus(
                  { deadline, reports: firstDone >= 0 ? [order.at(firstDone)] : [], events },
                  options,
                )
              : evaluateStatus({ deadline, reports: standing, events }, options);
          const done = s.status === 'done_on_time' || s.status === 'done_late';
          let doneOn: IsoDate | null = null;
          if (done) {
            const first = standing.find((r) => r.state === 'done');
            doneOn = first ? first.reportedOn : null;
          }
          j = judgement(s, doneOn, calendar);
          // Done statuses of standing and recurring duties are not keyed on their done day.
          if (it.mode === ONE_DATE || !done) it.byKey.set(key, j);
        }
        const decisive = decisiveId(j, firstDone, order, states, at, n);
        out.push(a, j, decisive, it.place);
      }
    },
  };
}

/** What every assignment of one work item shares: its deadline, place, row and judging mode. */
function itemInfo(
  deadline: Deadline | undefined,
  place: WorkItemPlace | undefined,
  reportItem: number,
  asOfDay: number,
): ItemInfo {
  let mode = GENERAL;
  let current: Window | null = null;
  let previous: Window | null = null;
  // An unreadable as-of day (NaN): the general path, where evaluateStatus says why.
  if (!Number.isNaN(asOfDay) && deadline) {
    const k = deadline.kind;
    if (k === 'by' || k === 'afterEvent' || k === 'relative') mode = ONE_DATE;
    else if (k === 'ongoing' || k === 'recurring') {
      mode = k === 'ongoing' ? ONGOING : RECURRING;
      const from = toDayNumber(deadline.startsOn, 'startsOn');
      if (asOfDay >= from) {
        const cadence = k === 'ongoing' ? deadline.reviewCadence : deadline.cadence;
        const w = windowsAround(from, asOfDay, cadence, k === 'ongoing');
        current = w.current;
        previous = w.previous;
      }
    }
  }
  return { deadline, place, reportItem, mode, current, previous, byKey: new Map() };
}

/** Position of the first standing `done` report, or -1. */
function firstDoneAt(states: Uint8Array, at: Int32Array, n: number): number {
  for (let k = 0; k < n; k++) if (states[at[k] as number] === STATE_DONE) return at[k] as number;
  return -1;
}

/**
 * The judgement key of a standing or recurring duty: what `evaluateStatus` reads of its reports
 * (ongoing: reports in the current window and whether the previous had none; recurring: how many
 * were done in each). -1 before the duty starts.
 */
function windowKey(
  it: ItemInfo,
  days: Int32Array,
  states: Uint8Array,
  at: Int32Array,
  n: number,
  asOfDay: number,
): number {
  const doneOnly = it.mode === RECURRING;
  const cur = it.current;
  if (cur === null) return -1;
  const inCurrent = countIn(days, states, at, n, cur, asOfDay, doneOnly);
  const prev = it.previous;
  const inPrevious = prev === null ? -1 : countIn(days, states, at, n, prev, asOfDay, doneOnly);
  // Ongoing reads whether the previous window had a report; recurring, how many were done.
  return doneOnly ? inCurrent * 1_000_003 + inPrevious + 1 : inCurrent * 2 + (inPrevious === 0 ? 1 : 0);
}

/**
 * The decisive report: the first done one on the done day (for one-date deadlines, the first done
 * one), else the latest standing.
 */
function decisiveId(
  j: Judgement,
  firstDone: number,
  order: Rows,
  states: Uint8Array,
  at: Int32Array,
  n: number,
): ReportId | undefined {
  if (j.doneOn !== null) {
    if (firstDone >= 0) return order.at(firstDone).id;
    for (let k = 0; k < n; k++) {
      const r = at[k] as number;
      if (states[r] !== STATE_DONE) continue;
      const report = order.at(r);
      if (report.reportedOn === j.doneOn) return report.id;
    }
    return undefined;
  }
  return n > 0 ? order.at(at[n - 1] as number).id : undefined;
}

/**
 * Positions of the standing reports among `from … end` (the reports filed by the as-of day, in
 * day order): all of them, or with corrections, those no report among them supersedes (as
 * `reportsAsOf`). Returns how many were written to `at`.
 */
function standingPositions(
  from: number,
  end: number,
  corrected: boolean,
  order: Rows,
  at: Int32Array,
): number {
  let n = 0;
  if (!corrected) {
    for (let r = from; r < end; r++) at[n++] = r;
    return n;
  }
  let superseded: Set<ReportId> | undefined;
  for (let r = from; r < end; r++) {
    const s = order.at(r).supersedes;
    if (s === undefined) continue;
    superseded ??= new Set();
    superseded.add(s);
  }
  for (let r = from; r < end; r++) if (!superseded?.has(order.at(r).id)) at[n++] = r;
  return n;
}

function countIn(
  days: Int32Array,
  states: Uint8Array,
  at: Int32Array,
  n: number,
  w: Window,
  asOfDay: number,
  doneOnly: boolean,
): number {
  let count = 0;
  const last = Math.min(w.to, asOfDay);
  for (let k = 0; k < n; k++) {
    const r = at[k] as number;
    if (doneOnly && states[r] !== STATE_DONE) continue;
    const d = days[r] as number;
    if (d >= w.from && d <= last) count++;
  }
  return count;
}

/** The reports of the rows, by row position (see `ReportDayRows`). */
interface Rows {
  at(row: number): ProgressReport;
  slice(from: number, to: number): ProgressReport[];
}

function rowsOf(index: ReportDayRows): Rows {
  const { reports, pos } = index;
  return {
    at: (row) => reports[pos[row] as number] as ProgressReport,
    slice: (from, to) => {
      const out: ProgressReport[] = new Array(to - from);
      for (let k = from; k < to; k++) out[k - from] = reports[pos[k] as number] as ProgressReport;
      return out;
    },
  };
}
