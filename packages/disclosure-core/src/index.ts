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
export {
  checkManualScore,
  type ManualScoreIssue,
  type ManualScoreIssueCode,
  manualIndicator,
} from './assessment/check-manual-score';
export { type CopySchemeOptions, copySchemeToPlan } from './assessment/copy-scheme';
// Assessment
export { qixingguan2020Assessment } from './assessment/data/qixingguan-2020-assessment';
export { DEFAULT_GRADE_THRESHOLDS, GRADE_LABELS, gradeFor } from './assessment/grade';
export { type IndicatorContext, inScope, type WorkItemPlace } from './assessment/indicator-context';
export { rankTotals } from './assessment/rank-totals';
export { completionClass, scoreCompletion } from './assessment/score-completion';
export { scoreEvents } from './assessment/score-events';
export { scoreManual } from './assessment/score-manual';
export { scoreRecurring } from './assessment/score-recurring';
export { scoreTimeliness, workingDaysLate } from './assessment/score-timeliness';
export {
  appliesTo,
  type ScoreUnitsInput,
  scoreLeaf,
  scoreUnits,
  workItemPlaces,
} from './assessment/score-units';
export type {
  Applicability,
  AssessmentResult,
  AssessmentScheme,
  CompletionMethod,
  EventsMethod,
  Grade,
  GradeThresholds,
  Indicator,
  IndicatorGroup,
  IndicatorLeaf,
  IndicatorScore,
  LineSource,
  ManualMethod,
  ManualScore,
  RecurringMethod,
  ScoreLine,
  ScoringMethod,
  TimelinessMethod,
  UnitClass,
  UnitScore,
  WorkScope,
} from './assessment/types';
export {
  type SchemeIssue,
  type SchemeIssueCode,
  type ValidateSchemeOptions,
  validateScheme,
} from './assessment/validate-scheme';
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
  type EvaluateStatusOptions,
  evaluateStatus,
  type StatusInput,
  type StatusResult,
} from './deadlines/evaluate-status';
export { type FinalDueDateOptions, finalDueDate } from './deadlines/final-due-date';
export { occurrenceDays } from './deadlines/occurrence-days';
export { type ParseDeadlineOptions, parseDeadline } from './deadlines/parse-deadline';
// Every type of the deadline model (Deadline and its kinds, flags, issues, reports) is public.
export type * from './deadlines/types';
// Import
export { parsePlanDocument } from './import/parse-plan-document';
export { type PlanFromTableOptions, type PlanNotice, planFromTableRows } from './import/plan-from-table-rows';
export {
  type ReadTableRowsOptions,
  readTableRows,
  type TableItem,
  type TableKeyTask,
  type TableReading,
  type TableRowInput,
} from './import/read-table-rows';
export { matchColumnHeader, TABLE_COLUMN_LABELS, type TableColumnKey } from './import/table-columns';
export type {
  ImportFinding,
  ImportFindingCode,
  ParsedPlanDocument,
  ParsePlanDocumentOptions,
  UnitProposal,
} from './import/types';
export { createPlan, type PlanIssue, type PlanIssueCode, readPublicity } from './plan/create-plan';
export { type DeadlineBeforeIssueFinding, deadlinesBeforeIssue } from './plan/deadlines-before-issue';
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
  PlanNoticeFields,
  PlanSection,
  Publicity,
  SafeguardMeasure,
  SafeguardMeasureInput,
  UnitAnnotation,
  WorkItem,
  WorkItemId,
  WorkItemInput,
} from './plan/types';
export { checkOutsideEvents, type EventIssue, type EventIssueCode } from './progress/check-outside-events';
// Progress
export {
  type CheckNewReportOptions,
  type CheckReportsOptions,
  checkNewReport,
  checkReports,
  type NewReportIssue,
  type ReportIssue,
  type ReportIssueCode,
} from './progress/check-reports';
export {
  type AssignmentProgress,
  type EvaluateAssignmentOptions,
  evaluateAssignment,
} from './progress/evaluate-assignment';
export {
  evaluatePlanAssignments,
  type PlanAssignmentsProgress,
  type ProgressInput,
} from './progress/evaluate-plan-assignments';
export { evaluateRecurringDuty, type RecurringDutyResult } from './progress/evaluate-recurring-duty';
export { type IndexedReports, indexReports } from './progress/index-reports';
export { type EventMatch, eventMatches, type MatchEventsOptions, matchEvents } from './progress/match-events';
export {
  type AwaitedEventOccurred,
  type CircularEvent,
  type EventId,
  type ExperiencePromotedEvent,
  eventUnits,
  type GovernmentLevel,
  type OutsideEvent,
  type OutsideEventKind,
  type TrainingEvent,
  toRecordedEvents,
} from './progress/outside-event';
export { type PlanDeadlines, readPlanDeadlines } from './progress/read-plan-deadlines';
export { reportPercent, reportsAsOf } from './progress/reports-as-of';
export {
  type CategoryProgress,
  type KeyTaskProgress,
  type PlanRollUp,
  type ProgressSummary,
  type RollUpPlanOptions,
  rollUpPlan,
} from './progress/roll-up-plan';
export {
  type ResponsibleRule,
  type RoleSummary,
  type RollUpWorkItemOptions,
  rollUpWorkItem,
  WORK_ITEM_STATUS_ORDER,
  type WorkItemProgress,
} from './progress/roll-up-work-item';
export {
  DEADLINE_STATUSES,
  type DeadlineStatus,
  isComplete,
  isLate,
  isWorkItemStatus,
  mostUrgent,
  STATUS_INFO,
  type StatusClass,
  type StatusInfo,
  statusClass,
  TRAFFIC_LIGHT_COLORS,
  TRAFFIC_LIGHT_LABELS,
  type TrafficLight,
  WORK_ITEM_ONLY_STATUSES,
  WORK_ITEM_STATUSES,
  type WorkItemStatus,
} from './progress/status-vocabulary';
export { type PlanProgress, type TrackProgressOptions, trackProgress } from './progress/track-progress';
export type { Evidence, ProgressReport, ProgressState, ReportId } from './progress/types';
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
export {
  findParentCycle,
  findUnitNameClashes,
  type RegistryRepair,
  repairUnitRegistry,
  searchUnitNames,
  type UnitMatchKind,
  type UnitNameClash,
  type UnitSearchHit,
  unitNameKey,
} from './units/registry-integrity';
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
