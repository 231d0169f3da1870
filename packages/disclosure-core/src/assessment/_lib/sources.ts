/** Line sources from progress and events. @internal */
import type { AssignmentProgress } from '../../progress/evaluate-assignment';
import type { LineSource } from '../types';

export function assignmentSource(p: AssignmentProgress): LineSource {
  let decisive = p.latest;
  if (p.doneOn !== null) {
    decisive = null;
    for (const r of p.reports) {
      if (r.state === 'done' && r.reportedOn === p.doneOn) {
        decisive = r;
        break;
      }
    }
  }
  const a = p.assignment;
  // Two literals rather than a spread: one object, one shape each, at 500,000 lines.
  return decisive
    ? {
        kind: 'assignment',
        workItemId: a.workItemId,
        role: a.role,
        status: p.status,
        dueOn: p.dueOn,
        doneOn: p.doneOn,
        reportId: decisive.id,
      }
    : {
        kind: 'assignment',
        workItemId: a.workItemId,
        role: a.role,
        status: p.status,
        dueOn: p.dueOn,
        doneOn: p.doneOn,
      };
}
