/**
 * `@qxg/disclosure-core`: the rules of a 政务公开工作实施方案 (government information disclosure work
 * plan) as pure, typed TypeScript. No I/O, no clock: every "as of" is a parameter.
 *
 * @packageDocumentation
 */

export { assertNever, CoreError, type CoreErrorCode } from './_lib/core-error';
export type { IsoDate } from './_lib/iso-date';
// Shared
export type { Issue, LocalizedMessage, Result, SourceLocation } from './_lib/result';
// Calendar
export { chinaWorkCalendar } from './calendar/china-work-calendar';
export { type CreateWorkCalendarOptions, createWorkCalendar } from './calendar/create-work-calendar';
export { CHINA_HOLIDAY_YEARS } from './calendar/data/holidays';
export type {
  CalendarCoverage,
  CoverageOptions,
  DateInput,
  DayInfo,
  DaySource,
  Estimated,
  EstimateOptions,
  HolidayDayEntry,
  HolidayYear,
  LocalDay,
  StrictOptions,
  WorkCalendar,
} from './calendar/types';
// Deadlines
export { dueInstant } from './deadlines/due-instant';
export {
  type DeadlineStatus,
  type EvaluateStatusOptions,
  evaluateStatus,
  type StatusInput,
  type StatusResult,
} from './deadlines/evaluate-status';
export { type FinalDueDateOptions, finalDueDate } from './deadlines/final-due-date';
export { type ParseDeadlineOptions, parseDeadline } from './deadlines/parse-deadline';
export type {
  AfterEventDeadline,
  AwaitedEvent,
  ByDeadline,
  Cadence,
  DayCount,
  Deadline,
  DeadlineFlag,
  DeadlineFlagCode,
  DeadlineIssue,
  DeadlineIssueCode,
  DeadlinePrecision,
  DeadlineReport,
  MilestoneStep,
  MilestonesDeadline,
  OngoingDeadline,
  RecordedEvent,
  RecurringDeadline,
  RelativeDeadline,
  RelativeTrigger,
  YearSource,
} from './deadlines/types';
export { createPlan, type PlanIssue, type PlanIssueCode, readPublicity } from './plan/create-plan';
export { expandAssignments, expandWorkItem } from './plan/expand-assignments';
export { extractDeadlinePhrases } from './plan/extract-deadline-phrases';
export {
  type FindingSeverity,
  type LintPlanOptions,
  lintPlan,
  type PlanFinding,
  type PlanFindingCode,
} from './plan/lint-plan';
export { qixingguan2020 } from './plan/seed/qixingguan-2020';
// Plan
export type {
  Assignment,
  AssignmentRole,
  BasisDocument,
  Category,
  DeadlinePhrase,
  KeyTask,
  KeyTaskInput,
  Plan,
  PlanId,
  PlanInput,
  Publicity,
  SafeguardMeasure,
  SafeguardMeasureInput,
  WorkItem,
  WorkItemId,
  WorkItemInput,
} from './plan/types';
export { type CollectiveDefinition, type CollectiveKey, DEFAULT_COLLECTIVES } from './units/collective';
export {
  checkUnitRegistry,
  createUnitRegistry,
  type RegistryIssue,
  type RegistryIssueCode,
  type UnitRegistry,
} from './units/create-unit-registry';
export { qixingguanUnits } from './units/data/qixingguan-units';
export {
  collectiveMembers,
  type ExpandedUnit,
  type ExpandUnitRefsOptions,
  expandUnitRefs,
} from './units/expand-unit-refs';
export { type ResolvedUnitNames, resolveUnitNames, type UnitRef } from './units/resolve-unit-names';
// Units
export {
  UNIT_KIND_LABELS,
  UNIT_KINDS,
  type Unit,
  type UnitId,
  type UnitInput,
  type UnitKind,
  unitId,
} from './units/unit';
