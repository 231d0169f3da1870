/**
 * The signed-in user as the app holds it. What the user may do is the gateway's answer
 * (`me { can { … } }`, `Assignment.viewerCan`): the app shows an action only when the API says
 * the viewer may take it, and decides nothing itself.
 */
import { graphql, type ResultOf } from '../graphql/graphql';

export type Role = ReturnType<typeof graphql.scalar<'Role'>>;

/** Every permission the gateway answers on `me { can }` (`viewAllUnits` is false for a reporter). */
export const PermissionFields = graphql(`
  fragment PermissionFields on ViewerPermissions {
    importPlan
    editScheme
    runAssessment
    recordEvent
    manageUsers
    manageUnits
    viewAudit
    viewAssessment
    viewAllUnits
    manageCalendar
    managePlans
  }
`);

/** What the viewer may do, as the gateway's `me { can }` says. */
export type Permissions = Readonly<ResultOf<typeof PermissionFields>>;

export type Permission = keyof Permissions;

export interface Viewer {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  /** The user's own unit (its key and name), for a reporter. */
  readonly unit: { readonly id: string; readonly name: string } | null;
  readonly can: Permissions;
  /** Signed in with a one-time password: the app shows only the change-password form until it is changed. */
  readonly mustChangePassword?: boolean;
}

/** The unit a viewer's pages are limited to: its own unit when it may not see all; else null. */
export function visibleUnitId(viewer: Viewer): string | null {
  return viewer.can.viewAllUnits ? null : (viewer.unit?.id ?? null);
}
