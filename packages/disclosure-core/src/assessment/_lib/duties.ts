/**
 * A unit's assignments as the completion and timeliness methods read them: per assignment its
 * judgement (status, due day, days late … shared by every assignment judged alike), the report
 * that decided it and where its work item sits, in plain arrays reused from unit to unit. Scoring
 * a province fills one of these per unit instead of making 60 `AssignmentProgress` objects per unit.
 * @internal
 */
import type { IsoDate } from '../../_lib/iso-date';
import type { WorkCalendar } from '../../calendar/types';
import type { DeadlineStatus, StatusResult } from '../../deadlines/evaluate-status';
import type { Assignment, WorkItemId } from '../../plan/types';
import type { AssignmentProgress } from '../../progress/evaluate-assignment';
import type { ProgressReport, ReportId } from '../../progress/types';
import type { WorkItemPlace } from '../indicator-context';
import type { LineSource, WorkScope } from '../types';
import { type ItemLabels, itemLabels } from './item-label';
import type { LineText } from './lazy-line';

type AssignmentSource = Extract<LineSource, { kind: 'assignment' }>;

/** Completion classes: on time, late, missed, not due. */
export const ON_TIME = 0;
export const LATE = 1;
export const MISSED = 2;
export const NOT_DUE = 3;

/** What a status means for scoring: everything the lines need, but the assignment and report. */
export interface Judgement {
  readonly status: DeadlineStatus;
  readonly cls: number;
  readonly dueOn: IsoDate | null;
  readonly doneOn: IsoDate | null;
  readonly workingDaysLeft: number | null;
  /** Working days late (timeliness), 0 when not late. */
  readonly daysLate: number;
  /** The status rests on a date outside the calendar's coverage (weekends-only estimate). */
  readonly estimated: boolean;
}

export function classOf(status: DeadlineStatus): number {
  switch (status) {
    case 'done_on_time':
    case 'met':
    case 'ongoing':
      return ON_TIME;
    case 'done_late':
      return LATE;
    case 'overdue':
    case 'stale':
    case 'behind':
      return MISSED;
    default:
      return NOT_DUE;
  }
}

/** Working days late, as `workingDaysLate` documents it. */
export function daysLateOf(
  status: DeadlineStatus,
  workingDaysLeft: number | null,
  dueOn: IsoDate | null,
  doneOn: IsoDate | null,
  calendar: WorkCalendar,
): number {
  switch (status) {
    case 'overdue':
      return workingDaysLeft !== null ? Math.max(1, -workingDaysLeft) : 1;
    case 'done_late':
      // Estimated past the calendar, as the status was (which then says so): scoring never throws.
      return dueOn !== null && doneOn !== null
        ? Math.max(1, calendar.workingDaysBetween(dueOn, doneOn, { outsideCoverage: 'estimate' }).value)
        : 1;
    case 'stale':
    case 'behind':
      return 1;
    default:
      return 0;
  }
}

export function judgement(s: StatusResult, doneOn: IsoDate | null, calendar: WorkCalendar): Judgement {
  return {
    status: s.status,
    cls: classOf(s.status),
    dueOn: s.dueOn,
    doneOn,
    workingDaysLeft: s.workingDaysLeft,
    daysLate: daysLateOf(s.status, s.workingDaysLeft, s.dueOn, doneOn, calendar),
    estimated: s.estimated,
  };
}

/** The judgement of progress already evaluated. */
export function judgementOfProgress(p: AssignmentProgress, calendar: WorkCalendar): Judgement {
  return {
    status: p.status,
    cls: classOf(p.status),
    dueOn: p.dueOn,
    doneOn: p.doneOn,
    workingDaysLeft: p.workingDaysLeft,
    daysLate: daysLateOf(p.status, p.workingDaysLeft, p.dueOn, p.doneOn, calendar),
    estimated: p.estimated,
  };
}

/** One unit's assignments, judged. Arrays grow to the largest unit and are reused. */
export class UnitDuties {
  /** How lines name a work item (任务5 第2项 …). */
  readonly label: ItemLabels;
  count = 0;
  /** Lines are written as plain objects with their sentences (`scoreUnits`'s default). */
  eager = false;
  readonly assignments: Assignment[] = [];
  readonly judged: Judgement[] = [];
  readonly reportIds: (ReportId | undefined)[] = [];
  readonly places: (WorkItemPlace | undefined)[] = [];
  readonly #sources: (LineSource | undefined)[] = [];
  /** Line wordings shared by every unit of one scoring (see `sharedText`). */
  readonly #texts = new Map<string, LineText>();

  constructor(label: ItemLabels = itemLabels(new Map())) {
    this.label = label;
  }

  reset(): void {
    this.count = 0;
  }

  /**
   * The wording of `key` for this scoring, made once by `make`: units that share it share its
   * memo of sentences (a scoring judges every unit with one `UnitDuties`).
   */
  sharedText<T extends LineText>(key: string, make: () => T): T {
    let t = this.#texts.get(key);
    if (t === undefined) {
      t = make();
      this.#texts.set(key, t);
    }
    return t as T;
  }

  /** True when any judged assignment rests on an estimated date. */
  get estimated(): boolean {
    for (let i = 0; i < this.count; i++) if ((this.judged[i] as Judgement).estimated) return true;
    return false;
  }

  /** The line notes of assignment `i` (see `LazyScoreLine`): `'e'` when its status was estimated. */
  notes(i: number): string {
    return (this.judged[i] as Judgement).estimated ? 'e' : '';
  }

  push(a: Assignment, j: Judgement, reportId: ReportId | undefined, place: WorkItemPlace | undefined): void {
    const i = this.count++;
    this.assignments[i] = a;
    this.judged[i] = j;
    this.reportIds[i] = reportId;
    this.places[i] = place;
    this.#sources[i] = undefined;
  }

  /** The source of assignment `i`'s lines (one object, shared by its lines in every indicator). */
  source(i: number): LineSource {
    let s = this.#sources[i];
    if (s === undefined) {
      const a = this.assignments[i] as Assignment;
      const j = this.judged[i] as Judgement;
      const reportId = this.reportIds[i];
      // One literal, its report set after it (the key order of `LineSource`): one object per
      // assignment, shared by its lines in every indicator.
      const source: { -readonly [K in keyof AssignmentSource]: AssignmentSource[K] } = {
        kind: 'assignment',
        workItemId: a.workItemId,
        role: a.role,
        status: j.status,
        dueOn: j.dueOn,
        doneOn: j.doneOn,
      };
      if (reportId !== undefined) source.reportId = reportId;
      s = source;
      this.#sources[i] = s;
    }
    return s;
  }

  /** True when assignment `i` falls in the scope (as `inScope`). */
  inScope(i: number, scope: WorkScope | undefined): boolean {
    if (!scope) return true;
    const a = this.assignments[i] as Assignment;
    if (scope.roles && !scope.roles.includes(a.role)) return false;
    if (scope.workItems && !scope.workItems.includes(a.workItemId)) return false;
    if (scope.categories || scope.keyTasks) {
      const place = this.places[i];
      if (!place) return false;
      if (scope.categories && !scope.categories.includes(place.category)) return false;
      if (scope.keyTasks && !scope.keyTasks.includes(place.keyTask)) return false;
    }
    return true;
  }
}

/** The report that decided an assignment: the first `done` on the done day, else the latest. */
export function decisiveReport(
  standing: readonly ProgressReport[],
  doneOn: IsoDate | null,
): ProgressReport | undefined {
  if (doneOn !== null) {
    for (const r of standing) if (r.state === 'done' && r.reportedOn === doneOn) return r;
    return undefined;
  }
  return standing.length > 0 ? standing[standing.length - 1] : undefined;
}

/** The duties of progress already evaluated (the public `scoreCompletion` … path). */
export function dutiesFromProgress(
  progress: readonly AssignmentProgress[],
  calendar: WorkCalendar,
  places: ReadonlyMap<WorkItemId, WorkItemPlace>,
): UnitDuties {
  const d = new UnitDuties(itemLabels(places));
  for (const p of progress) {
    const j = judgementOfProgress(p, calendar);
    // As assignmentSource read it: with a done day, the first done report of that day (or none).
    const decisive = p.doneOn !== null ? decisiveReport(p.reports, p.doneOn) : (p.latest ?? undefined);
    d.push(p.assignment, j, decisive?.id, places.get(p.assignment.workItemId));
  }
  return d;
}
