import { describe, expect, it } from 'vitest';
import { can, canRecordProgress, type Viewer, visibleUnitId } from './permissions';

const admin: Viewer = { id: '1', username: 'admin', role: 'ADMIN', unit: null };
const analyst: Viewer = { id: '2', username: 'ana', role: 'ANALYST', unit: null };
const reporter: Viewer = {
  id: '3',
  username: 'edu',
  role: 'REPORTER',
  unit: { id: 'education', name: '区教育科技局' },
};

describe('role permissions', () => {
  it('lets only an admin write the scheme, run assessments, import, and manage users', () => {
    for (const action of ['editScheme', 'runAssessment', 'importPlan', 'manageUsers', 'viewAudit'] as const) {
      expect(can(admin, action)).toBe(true);
      expect(can(analyst, action)).toBe(false);
      expect(can(reporter, action)).toBe(false);
    }
  });
  it('lets an analyst read everything and write nothing', () => {
    expect(can(analyst, 'viewAll')).toBe(true);
    expect(canRecordProgress(analyst, 'education')).toBe(false);
  });
  it('lets a reporter record progress for its own unit only', () => {
    expect(canRecordProgress(reporter, 'education')).toBe(true);
    expect(canRecordProgress(reporter, 'finance')).toBe(false);
    expect(visibleUnitId(reporter)).toBe('education');
    expect(visibleUnitId(admin)).toBeNull();
  });
  it('offers nothing to a signed-out visitor', () => {
    expect(can(null, 'viewAll')).toBe(false);
    expect(canRecordProgress(null, 'education')).toBe(false);
  });
});
