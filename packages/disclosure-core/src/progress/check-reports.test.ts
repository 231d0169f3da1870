import { describe, expect, it } from 'vitest';
import type { Assignment } from '../plan/types';
import { item, report, U } from './_lib/test-fixtures';
import { checkReports } from './check-reports';
import type { ReportId } from './types';

const codes = (issues: readonly { code: string; location?: { path?: string } }[]) =>
  issues.map((i) => `${i.code}@${i.location?.path}`);

describe('checkReports', () => {
  it('accepts well-formed reports and a correction of an earlier report', () => {
    const a = report('p/t1/i1', 'u1', '2020-07-01', 'partial', { id: 'a' as ReportId, percent: 50 });
    const b = report('p/t1/i1', 'u1', '2020-07-02', 'done', {
      id: 'b' as ReportId,
      supersedes: 'a' as ReportId,
      evidence: [{ url: 'http://x.gov.cn/1.html', column: '标准目录', publishedOn: '2020-07-02' }],
    });
    expect(checkReports([a, b])).toEqual([]);
  });

  it('reports each problem with its path', () => {
    const assignments: Assignment[] = [{ workItemId: item('p/t1/i1'), unitId: U('u1'), role: 'lead' }];
    const issues = checkReports(
      [
        report('p/t1/i1', 'u1', '2020-02-30', 'partial', { id: 'a' as ReportId }),
        report('p/t1/i1', 'u2', '2020-07-01', 'started', { id: 'a' as ReportId, percent: 120 }),
        report('p/t1/i1', 'u1', '2020-07-01', 'done', {
          id: 'c' as ReportId,
          step: -1,
          evidence: [{ url: ' ', publishedOn: '2020-13-01' }],
        }),
      ],
      { assignments },
    );
    expect(codes(issues)).toEqual([
      'invalid_date@reports[0].reportedOn',
      'percent_missing@reports[0].percent',
      'duplicate_report_id@reports[1].id',
      'unknown_assignment@reports[1]',
      'percent_out_of_range@reports[1].percent',
      'invalid_step@reports[2].step',
      'empty_evidence_url@reports[2].evidence[0].url',
      'invalid_evidence_date@reports[2].evidence[0].publishedOn',
    ]);
  });

  it('rejects corrections of unknown, later, other-assignment or already corrected reports', () => {
    const a = report('p/t1/i1', 'u1', '2020-07-05', 'done', { id: 'a' as ReportId });
    const issues = checkReports([
      a,
      report('p/t1/i1', 'u1', '2020-07-01', 'done', { id: 'b' as ReportId, supersedes: 'a' as ReportId }),
      report('p/t1/i2', 'u1', '2020-07-06', 'done', { id: 'c' as ReportId, supersedes: 'a' as ReportId }),
      report('p/t1/i1', 'u1', '2020-07-06', 'done', { id: 'd' as ReportId, supersedes: 'zz' as ReportId }),
    ]);
    expect(codes(issues)).toEqual([
      'supersedes_later_report@reports[1].supersedes',
      'supersedes_other_assignment@reports[2].supersedes',
      'superseded_twice@reports[2].supersedes',
      'unknown_superseded_report@reports[3].supersedes',
    ]);
  });
});
