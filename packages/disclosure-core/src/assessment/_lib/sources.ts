/** Line sources from progress and events. @internal */
import type { AssignmentProgress } from '../../progress/evaluate-assignment';
import type { LineSource } from '../types';

export function assignmentSource(p: AssignmentProgress): LineSource {
  const decisive =
    p.doneOn !== null ? p.reports.find((r) => r.state === 'done' && r.reportedOn === p.doneOn) : p.latest;
  return {
    kind: 'assignment',
    workItemId: p.assignment.workItemId,
    role: p.assignment.role,
    status: p.status,
    dueOn: p.dueOn,
    doneOn: p.doneOn,
    ...(decisive ? { reportId: decisive.id } : {}),
  };
}
