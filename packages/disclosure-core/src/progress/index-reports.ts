import { parseIsoUncached } from '../calendar/_lib/day-number';
import type { WorkItemId } from '../plan/types';
import type { UnitId } from '../units/unit';
import type { ProgressReport } from './types';

/**
 * Reports grouped once by assignment (unit × work item), as {@link indexReports} returns them: a
 * frozen array holding the same reports in the same order, usable wherever reports are read. Given
 * as `reports` to `scoreUnits`, it spares the call the grouping (build it once, score as of many
 * dates or schemes).
 *
 * @example
 * ```ts
 * const reports: IndexedReports = indexReports(rowsFromTheDatabase);
 * scoreUnits(plan, { reports, events, scheme, asOf: '2020-12-31' });
 * ```
 */
export type IndexedReports = readonly ProgressReport[] & { readonly __indexedReports: true };

/**
 * Groups reports by assignment once, for scoring them as of one or more dates: returns a frozen
 * copy of `reports` (same reports, same order) that `scoreUnits` recognises and reads without
 * grouping again. Because the copy cannot change, the grouping stays right; a new report means a
 * new index. Any other function taking reports takes it too (it is an ordinary array).
 *
 * @example
 * ```ts
 * const reports = indexReports(allReports); // once, e.g. when the gateway loads the year's reports
 * const dec = scoreUnits(plan, { reports, events, scheme, asOf: '2020-12-31' });
 * const aug = scoreUnits(plan, { reports, events, scheme, asOf: '2020-08-03' }); // no regrouping
 * ```
 */
export function indexReports(reports: readonly ProgressReport[]): IndexedReports {
  const copy = Object.freeze(reports.slice()) as IndexedReports;
  built.set(copy, buildReportDayRows(copy));
  return copy;
}

/**
 * Reports grouped by (unit, work item) in compressed rows: the reports of slot `s` are
 * `reports[pos[k]]` for `k` in `start[s] … start[s + 1]`, sorted by day (stable: same-day reports
 * keep input order), with their day numbers and states in typed arrays beside `pos`. Only typed
 * arrays: nothing for the garbage collector to trace, however many reports. `simple` is 1 for a
 * slot whose reports all have a valid `YYYY-MM-DD` day and none is a correction (its standing
 * reports as of a day are a prefix of the row), 2 when some are corrections (the prefix minus what
 * they supersede), 0 when a day is unreadable (scoring then takes the general path, which reports
 * it). @internal
 */
export interface ReportDayRows {
  readonly units: ReadonlyMap<UnitId, number>;
  readonly items: ReadonlyMap<WorkItemId, number>;
  /** Slot of (unit index, item index), or -1. */
  slotOf(unit: number, item: number): number;
  readonly start: Int32Array;
  /** The reports indexed, as given. */
  readonly reports: readonly ProgressReport[];
  /** Row position → index in `reports`. */
  readonly pos: Int32Array;
  readonly days: Int32Array;
  /** 0 started, 1 partial, 2 done. */
  readonly states: Uint8Array;
  readonly simple: Uint8Array;
}

/** The `states` code of `done`. @internal */
export const STATE_DONE = 2;
// Flags beside a report's state while the rows are built.
const UNREADABLE = 4;
const CORRECTION = 8;

const built = new WeakMap<readonly ProgressReport[], ReportDayRows>();

/** The index of `reports`: the one {@link indexReports} built, or a new one. @internal */
export function reportDayRowsOf(reports: readonly ProgressReport[]): ReportDayRows {
  return built.get(reports) ?? buildReportDayRows(reports);
}

/** What each report is, read once from its object: unit and item numbers, day, state and flags. */
interface ReportFacts {
  readonly units: Map<UnitId, number>;
  readonly items: Map<WorkItemId, number>;
  readonly unitOf: Int32Array;
  readonly itemOf: Int32Array;
  readonly dayOf: Int32Array;
  readonly stateOf: Uint8Array;
}

function readReports(reports: readonly ProgressReport[]): ReportFacts {
  const n = reports.length;
  const units = new Map<UnitId, number>();
  const items = new Map<WorkItemId, number>();
  const unitOf = new Int32Array(n);
  const itemOf = new Int32Array(n);
  const dayOf = new Int32Array(n);
  const stateOf = new Uint8Array(n);
  let lastItem: WorkItemId | undefined;
  let lastUnit: UnitId | undefined;
  let itemAt = -1;
  let unitAt = -1;
  for (let i = 0; i < n; i++) {
    const r = reports[i] as ProgressReport;
    // Consecutive reports of one unit or item (a database query's usual order) skip the look-ups.
    if (r.workItemId !== lastItem) {
      lastItem = r.workItemId;
      itemAt = numberOf(items, lastItem);
    }
    if (r.unitId !== lastUnit) {
      lastUnit = r.unitId;
      unitAt = numberOf(units, lastUnit);
    }
    unitOf[i] = unitAt;
    itemOf[i] = itemAt;
    const day = parseIsoUncached(r.reportedOn);
    dayOf[i] = Number.isNaN(day) ? 0 : day;
    stateOf[i] =
      (r.state === 'done' ? STATE_DONE : r.state === 'partial' ? 1 : 0) |
      (Number.isNaN(day) ? UNREADABLE : 0) |
      (r.supersedes !== undefined ? CORRECTION : 0);
  }
  return { units, items, unitOf, itemOf, dayOf, stateOf };
}

function buildReportDayRows(reports: readonly ProgressReport[]): ReportDayRows {
  const n = reports.length;
  const { units, items, unitOf, itemOf, dayOf, stateOf } = readReports(reports);
  const width = items.size;
  // Dense slots (unit × item) when the matrix is not much larger than the reports, else a map.
  const dense = units.size * width <= Math.max(1 << 20, 4 * n);
  const denseSlots = dense ? new Int32Array(units.size * width).fill(-1) : undefined;
  const sparseSlots = dense ? undefined : new Map<number, number>();
  const slotOfReport = new Int32Array(n);
  const counts = new Int32Array(n);
  let slots = 0;
  for (let i = 0; i < n; i++) {
    const key = (unitOf[i] as number) * width + (itemOf[i] as number);
    let slot = denseSlots ? (denseSlots[key] as number) : (sparseSlots?.get(key) ?? -1);
    if (slot < 0) {
      slot = slots++;
      if (denseSlots) denseSlots[key] = slot;
      else sparseSlots?.set(key, slot);
    }
    slotOfReport[i] = slot;
    counts[slot] = (counts[slot] as number) + 1;
  }
  const start = new Int32Array(slots + 1);
  for (let s = 0; s < slots; s++) start[s + 1] = (start[s] as number) + (counts[s] as number);
  const fill = start.slice(0, slots);
  const pos = new Int32Array(n);
  const days = new Int32Array(n);
  const states = new Uint8Array(n);
  const simple = new Uint8Array(slots).fill(1);
  const sorted = new Uint8Array(slots).fill(1);
  for (let i = 0; i < n; i++) {
    const slot = slotOfReport[i] as number;
    const at = fill[slot] as number;
    fill[slot] = at + 1;
    pos[at] = i;
    const day = dayOf[i] as number;
    const st = stateOf[i] as number;
    if (st & UNREADABLE) simple[slot] = 0;
    else if (st & CORRECTION && simple[slot] === 1) simple[slot] = 2;
    days[at] = day;
    states[at] = st & 3;
    if (at > (start[slot] as number) && day < (days[at - 1] as number)) sorted[slot] = 0;
  }
  for (let s = 0; s < slots; s++) {
    if (sorted[s] === 0 && simple[s] !== 0)
      sortSlot(start[s] as number, start[s + 1] as number, pos, days, states);
  }
  return {
    units,
    items,
    slotOf: denseSlots
      ? (u, i) => (denseSlots[u * width + i] as number | undefined) ?? -1
      : (u, i) => sparseSlots?.get(u * width + i) ?? -1,
    start,
    reports,
    pos,
    days,
    states,
    simple,
  };
}

/** The number of `key` in `map`, numbering a new key next. */
function numberOf<K>(map: Map<K, number>, key: K): number {
  let at = map.get(key);
  if (at === undefined) {
    at = map.size;
    map.set(key, at);
  }
  return at;
}

/** Stable insertion sort of one row by day (rows are short: one assignment's reports). */
function sortSlot(from: number, to: number, pos: Int32Array, days: Int32Array, states: Uint8Array) {
  for (let i = from + 1; i < to; i++) {
    const d = days[i] as number;
    const p = pos[i] as number;
    const s = states[i] as number;
    let j = i - 1;
    while (j >= from && (days[j] as number) > d) {
      days[j + 1] = days[j] as number;
      pos[j + 1] = pos[j] as number;
      states[j + 1] = states[j] as number;
      j--;
    }
    days[j + 1] = d;
    pos[j + 1] = p;
    states[j + 1] = s;
  }
}
