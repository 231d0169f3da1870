/** Client-side roll-up of `progressSummary(groupBy: [UNIT, CATEGORY])` groups. */
import { isDone, type StatusValue } from '../../lib/vocabulary';

export interface SummaryGroup {
  readonly key: readonly { readonly dimension: string; readonly value: string; readonly label: string }[];
  readonly assignments: number;
  readonly byStatus: readonly { readonly status: StatusValue; readonly count: number }[];
}

export type StatusCounts = Readonly<Partial<Record<StatusValue, number>>>;

export interface Tally {
  readonly key: string;
  readonly label: string;
  readonly assignments: number;
  /** Assignments complete as of the day (the core's `isComplete`). */
  readonly done: number;
  readonly counts: StatusCounts;
}

interface MutableTally {
  label: string;
  assignments: number;
  done: number;
  counts: Partial<Record<StatusValue, number>>;
}

function add(map: Map<string, MutableTally>, key: string, label: string, g: SummaryGroup) {
  let t = map.get(key);
  if (!t) {
    t = { label, assignments: 0, done: 0, counts: {} };
    map.set(key, t);
  }
  t.assignments += g.assignments;
  for (const s of g.byStatus) {
    t.counts[s.status] = (t.counts[s.status] ?? 0) + s.count;
    if (isDone(s.status)) t.done += s.count;
  }
}

/**
 * Tallies groups by one dimension (summing the others), keeping only `unitKey`'s groups when given
 * (a reporter's overview shows its own unit only).
 */
export function tallyBy(
  groups: readonly SummaryGroup[],
  dimension: string,
  unitKey: string | null = null,
): Tally[] {
  const map = new Map<string, MutableTally>();
  for (const g of groups) {
    if (unitKey !== null && g.key.find((k) => k.dimension === 'UNIT')?.value !== unitKey) continue;
    const k =
      dimension === 'ALL' ? { value: 'all', label: '全部' } : g.key.find((x) => x.dimension === dimension);
    if (!k) continue;
    add(map, k.value, k.label, g);
  }
  return [...map].map(([key, t]) => ({ key, ...t }));
}

export function completionRate(t: Pick<Tally, 'assignments' | 'done'>): number {
  return t.assignments === 0 ? 0 : t.done / t.assignments;
}

/** The sum of some statuses' counts. */
export function countOf(counts: StatusCounts | undefined, statuses: readonly StatusValue[]): number {
  return statuses.reduce((sum, s) => sum + (counts?.[s] ?? 0), 0);
}
