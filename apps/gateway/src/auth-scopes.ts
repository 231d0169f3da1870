import type { Loaders } from './loaders';

/** Who is asking, as the scope rules see it (the signed-in user, or any stored user for `User.can`). */
export interface ScopeSubject {
  readonly role: 'ADMIN' | 'REPORTER' | 'ANALYST';
  /** The unit a REPORTER writes for. */
  readonly unitId: string | null;
}

/** The scopes the schema's `authScopes` name; `recordsFor` takes an assignment's (raw) id. */
export interface Scopes {
  /** Signed in with any role. */
  readonly loggedIn: boolean;
  readonly admin: boolean;
  /** ADMIN or ANALYST: reads everything. */
  readonly staff: boolean;
  /** A REPORTER bound to a unit, or an ADMIN. */
  readonly reporter: boolean;
  /** May write progress on this assignment: an ADMIN, or a REPORTER of the assignment's unit. */
  readonly recordsFor: (assignmentId: string) => Promise<boolean>;
}

/**
 * The one set of authorization rules: the builder's scope-auth initializer returns them for the
 * request's viewer, and `User.can` / `Assignment.viewerCan` evaluate the very same functions.
 */
export function scopesOf(subject: ScopeSubject | null, loaders: Pick<Loaders, 'assignment'>): Scopes {
  const admin = subject?.role === 'ADMIN';
  const reporter = subject?.role === 'REPORTER' && subject.unitId !== null;
  return {
    loggedIn: subject !== null,
    admin,
    staff: admin || subject?.role === 'ANALYST',
    reporter: admin || reporter,
    recordsFor: async (assignmentId) => {
      if (admin) return true;
      if (!reporter) return false;
      const assignment = await loaders.assignment.load(assignmentId);
      // An unknown assignment: let the resolver answer NOT_FOUND rather than FORBIDDEN.
      return assignment === null || assignment.unitId === subject.unitId;
    },
  };
}

/** The viewer-level permissions the app reads (`me { can { … } }`), each one scope of {@link scopesOf}. */
export const PERMISSION_SCOPES = {
  importPlan: 'admin',
  editScheme: 'admin',
  runAssessment: 'admin',
  recordEvent: 'admin',
  manageUsers: 'admin',
  manageUnits: 'admin',
  viewAudit: 'admin',
  viewAssessment: 'loggedIn',
  viewAllUnits: 'staff',
  manageCalendar: 'admin',
  managePlans: 'admin',
} as const satisfies Record<string, Exclude<keyof Scopes, 'recordsFor'>>;

export type Permission = keyof typeof PERMISSION_SCOPES;

/** The `authScopes` of a field guarded by a viewer-level permission. */
export function scopeOf(permission: Permission): { [K in (typeof PERMISSION_SCOPES)[Permission]]?: true } {
  return { [PERMISSION_SCOPES[permission]]: true };
}
