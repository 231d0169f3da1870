import { describe, expect, it } from 'vitest';
import { navItems, pageNeeds } from '../components/nav';
import { type Permissions, type Viewer, visibleUnitId } from './permissions';

const none: Permissions = {
  importPlan: false,
  editScheme: false,
  runAssessment: false,
  recordEvent: false,
  manageUsers: false,
  manageUnits: false,
  viewAudit: false,
  viewAssessment: false,
  viewAllUnits: false,
  manageCalendar: false,
  managePlans: false,
};

const reporter: Viewer = {
  id: '3',
  username: 'edu',
  role: 'REPORTER',
  unit: { id: 'education', name: '区教育科技局' },
  can: none,
};
const analyst: Viewer = {
  id: '2',
  username: 'ana',
  role: 'ANALYST',
  unit: null,
  can: { ...none, viewAssessment: true, viewAllUnits: true },
};

describe('what the app offers follows the gateway’s permissions', () => {
  it('limits a viewer who may not see all units to its own unit', () => {
    expect(visibleUnitId(reporter)).toBe('education');
    expect(visibleUnitId(analyst)).toBeNull();
  });
  it('shows a page in the menu only when its permission is granted', () => {
    expect(navItems(reporter).map((n) => n.path)).toEqual(['/', '/table', '/units', '/calendar']);
    expect(navItems(analyst).map((n) => n.path)).toEqual([
      '/',
      '/table',
      '/units',
      '/assessment',
      '/events',
      '/calendar',
    ]);
    // The role does not matter, only the granted permission.
    expect(navItems({ ...reporter, can: { ...none, viewAudit: true } }).map((n) => n.path)).toContain(
      '/audit',
    );
  });
  it('guards each page’s route with the permission of its menu entry', () => {
    expect(pageNeeds('/users')).toBe('manageUsers');
    expect(pageNeeds('/events')).toBe('viewAllUnits');
    expect(pageNeeds('/table')).toBeUndefined();
  });
});
