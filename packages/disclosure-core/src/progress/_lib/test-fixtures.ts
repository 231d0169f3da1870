/** Builders for tests: short ways to write reports, events and assignment progress. @internal */
import type { IsoDate } from '../../_lib/iso-date';
import type { IndicatorContext, WorkItemPlace } from '../../assessment/indicator-context';
import { chinaWorkCalendar } from '../../calendar/china-work-calendar';
import type { DeadlineStatus } from '../../deadlines/evaluate-status';
import type { AssignmentRole, WorkItemId } from '../../plan/types';
import { type UnitId, unitId } from '../../units/unit';
import type { AssignmentProgress } from '../evaluate-assignment';
import type { CircularEvent, EventId, TrainingEvent } from '../outside-event';
import type { ProgressReport, ProgressState, ReportId } from '../types';

export const item = (id: string): WorkItemId => id as WorkItemId;
export const U = (id: string): UnitId => unitId(id);

let counter = 0;
export function report(
  workItemId: string,
  unit: string,
  reportedOn: IsoDate,
  state: ProgressState,
  extra: Partial<Omit<ProgressReport, 'workItemId' | 'unitId' | 'reportedOn' | 'state'>> = {},
): ProgressReport {
  counter++;
  return {
    id: (extra.id ?? `r${counter}`) as ReportId,
    workItemId: item(workItemId),
    unitId: U(unit),
    reportedOn,
    state,
    ...extra,
  } as ProgressReport;
}

export function progress(
  workItemId: string,
  status: DeadlineStatus,
  extra: Partial<Omit<AssignmentProgress, 'status'>> & { unit?: string; role?: AssignmentRole } = {},
): AssignmentProgress {
  const { unit, role, ...rest } = extra;
  return {
    assignment: { workItemId: item(workItemId), unitId: U(unit ?? 'u1'), role: role ?? 'responsible' },
    status,
    dueOn: null,
    workingDaysLeft: null,
    doneOn: null,
    percent: status === 'done_on_time' || status === 'done_late' || status === 'met' ? 100 : 0,
    reports: [],
    latest: null,
    explanation: { zh: '', en: '' },
    estimated: false,
    ...rest,
  };
}

export function circular(
  id: string,
  occurredOn: IsoDate,
  tone: 'commendation' | 'criticism',
  units: readonly string[],
  level: 'national' | 'province' | 'city' | 'district' = 'province',
): CircularEvent {
  return {
    kind: 'circular',
    id: id as EventId,
    occurredOn,
    level,
    issuer: level === 'province' ? '贵州省人民政府办公厅' : '毕节市人民政府办公室',
    tone,
    unitIds: units.map(U),
    text: `${tone === 'criticism' ? '批评' : '表扬'} ${id}`,
  };
}

export function training(id: string, occurredOn: IsoDate, organizer: string): TrainingEvent {
  return { kind: 'training', id: id as EventId, occurredOn, organizerId: U(organizer), title: `培训 ${id}` };
}

export function ctx(
  overrides: Partial<IndicatorContext> & { places?: ReadonlyMap<WorkItemId, WorkItemPlace> } = {},
): IndicatorContext {
  return {
    unitId: U('u1'),
    asOf: '2020-12-31',
    period: { from: '2020-06-04', to: '2020-12-31' },
    progress: [],
    events: [],
    manualScores: [],
    calendar: chinaWorkCalendar,
    places: new Map(),
    ...overrides,
  };
}
