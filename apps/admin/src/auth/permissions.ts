/**
 * What each role may do, so the UI never offers an action the role cannot take. The gateway
 * enforces the same rules; this only decides what is shown.
 */
export type Role = 'ADMIN' | 'REPORTER' | 'ANALYST';

export interface Viewer {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  readonly unit: { readonly id: string; readonly name: string } | null;
}

export type Action =
  | 'viewAll'
  | 'editScheme'
  | 'runAssessment'
  | 'importPlan'
  | 'recordEvent'
  | 'manageUsers'
  | 'viewAudit'
  | 'viewAssessment';

const ALLOWED: Readonly<Record<Role, ReadonlySet<Action>>> = {
  ADMIN: new Set<Action>([
    'viewAll',
    'editScheme',
    'runAssessment',
    'importPlan',
    'recordEvent',
    'manageUsers',
    'viewAudit',
    'viewAssessment',
  ]),
  ANALYST: new Set<Action>(['viewAll', 'viewAssessment']),
  REPORTER: new Set<Action>([]),
};

export function can(viewer: Viewer | null, action: Action): boolean {
  return viewer !== null && ALLOWED[viewer.role].has(action);
}

/** Progress on an assignment: an ADMIN for any unit, a REPORTER for its own unit only, an ANALYST never. */
export function canRecordProgress(viewer: Viewer | null, unitId: string): boolean {
  if (viewer === null) return false;
  if (viewer.role === 'ADMIN') return true;
  return viewer.role === 'REPORTER' && viewer.unit?.id === unitId;
}

/** A REPORTER sees only its own unit; others see every unit. */
export function visibleUnitId(viewer: Viewer | null): string | null {
  return viewer?.role === 'REPORTER' ? (viewer.unit?.id ?? null) : null;
}
