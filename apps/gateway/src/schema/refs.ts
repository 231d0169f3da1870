import type * as Row from '@qxg/db';
import { builder } from '../builder';

// Object refs first, implemented in their own files: lets the entity files reference each other.
export const PlanRef = builder.objectRef<Row.Plan>('Plan');
export const CategoryRef = builder.objectRef<Row.Category>('Category');
export const KeyTaskRef = builder.objectRef<Row.KeyTask>('KeyTask');
export const SafeguardMeasureRef = builder.objectRef<Row.SafeguardMeasure>('SafeguardMeasure');
export const WorkItemRef = builder.objectRef<Row.WorkItem>('WorkItem');
export const AssignmentRef = builder.objectRef<Row.Assignment>('Assignment');
export const UnitRef = builder.objectRef<Row.Unit>('Unit');
export const ProgressReportRef = builder.objectRef<Row.ProgressReport>('ProgressReport');
export const EvidenceRef = builder.objectRef<Row.Evidence>('Evidence');
export const OutsideEventRef = builder.objectRef<Row.OutsideEvent>('OutsideEvent');
export const AssessmentSchemeRef = builder.objectRef<Row.AssessmentScheme>('AssessmentScheme');
export const AssessmentRunRef = builder.objectRef<Row.AssessmentRun>('AssessmentRun');
export const UserRef = builder.objectRef<Row.User>('User');
export const AuditEntryRef = builder.objectRef<Row.AuditEntry>('AuditEntry');

type NodeRef = Parameters<typeof builder.connectionObject>[0]['type'];

/** The Relay connection type of a node type, named `<Node>Connection`. */
function connectionOf<Type extends NodeRef>(type: Type, node: string) {
  return builder.connectionObject({ type, name: `${node}Connection` });
}

export const PlanConnection = connectionOf(PlanRef, 'Plan');
export const KeyTaskConnection = connectionOf(KeyTaskRef, 'KeyTask');
export const WorkItemConnection = connectionOf(WorkItemRef, 'WorkItem');
export const AssignmentConnection = connectionOf(AssignmentRef, 'Assignment');
export const UnitConnection = connectionOf(UnitRef, 'Unit');
export const ProgressReportConnection = connectionOf(ProgressReportRef, 'ProgressReport');
export const OutsideEventConnection = connectionOf(OutsideEventRef, 'OutsideEvent');
export const UserConnection = connectionOf(UserRef, 'User');
export const AuditEntryConnection = connectionOf(AuditEntryRef, 'AuditEntry');
