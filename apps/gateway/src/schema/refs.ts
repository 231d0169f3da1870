import type {
  AssessmentRun,
  AssessmentScheme,
  Assignment,
  AuditEntry,
  Category,
  Evidence,
  KeyTask,
  OutsideEvent,
  Plan,
  ProgressReport,
  SafeguardMeasure,
  Unit,
  User,
  WorkItem,
} from '@qxg/db';
import { builder } from '../builder';

// Object refs first, implemented in their own files: lets the entity files reference each other.
export const PlanRef = builder.objectRef<Plan>('Plan');
export const CategoryRef = builder.objectRef<Category>('Category');
export const KeyTaskRef = builder.objectRef<KeyTask>('KeyTask');
export const SafeguardMeasureRef = builder.objectRef<SafeguardMeasure>('SafeguardMeasure');
export const WorkItemRef = builder.objectRef<WorkItem>('WorkItem');
export const AssignmentRef = builder.objectRef<Assignment>('Assignment');
export const UnitRef = builder.objectRef<Unit>('Unit');
export const ProgressReportRef = builder.objectRef<ProgressReport>('ProgressReport');
export const EvidenceRef = builder.objectRef<Evidence>('Evidence');
export const OutsideEventRef = builder.objectRef<OutsideEvent>('OutsideEvent');
export const AssessmentSchemeRef = builder.objectRef<AssessmentScheme>('AssessmentScheme');
export const AssessmentRunRef = builder.objectRef<AssessmentRun>('AssessmentRun');
export const UserRef = builder.objectRef<User>('User');
export const AuditEntryRef = builder.objectRef<AuditEntry>('AuditEntry');

export const PlanConnection = builder.connectionObject({ type: PlanRef, name: 'PlanConnection' });
export const KeyTaskConnection = builder.connectionObject({ type: KeyTaskRef, name: 'KeyTaskConnection' });
export const WorkItemConnection = builder.connectionObject({ type: WorkItemRef, name: 'WorkItemConnection' });
export const AssignmentConnection = builder.connectionObject({
  type: AssignmentRef,
  name: 'AssignmentConnection',
});
export const UnitConnection = builder.connectionObject({ type: UnitRef, name: 'UnitConnection' });
export const ProgressReportConnection = builder.connectionObject({
  type: ProgressReportRef,
  name: 'ProgressReportConnection',
});
export const OutsideEventConnection = builder.connectionObject({
  type: OutsideEventRef,
  name: 'OutsideEventConnection',
});
export const UserConnection = builder.connectionObject({ type: UserRef, name: 'UserConnection' });
export const AuditEntryConnection = builder.connectionObject({
  type: AuditEntryRef,
  name: 'AuditEntryConnection',
});
