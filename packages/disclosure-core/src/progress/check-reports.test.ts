import { describe, expect, it } from 'vitest';
import { issuePaths } from '../../test/_helpers/issues';
import type { Assignment } from '../plan/types';
import { item, report, U } from './_lib/test-fixtures';
import {
  type CheckNewReportOptions,
  checkNewReport,
  checkReports,
  type NewReportIssue,
} from './check-reports';
import type { ProgressReport, ReportId } from './types';

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

  it('with requireTrace, asks every done report of the list for a note or evidence, only when asked', () => {
    const bare = report('p/t1/i1', 'u1', '2020-07-01', 'done', { id: 'a' as ReportId });
    const noted = report('p/t1/i1', 'u1', '2020-07-02', 'done', { id: 'b' as ReportId, note: '已公开' });
    expect(checkReports([bare, noted])).toEqual([]);
    expect(issuePaths(checkReports([bare, noted], { requireTrace: true }))).toEqual([
      'done_without_trace@reports[0].note',
    ]);
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
    expect(issuePaths(issues)).toEqual([
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
    expect(issuePaths(issues)).toEqual([
      'supersedes_later_report@reports[1].supersedes',
      'supersedes_other_assignment@reports[2].supersedes',
      'superseded_twice@reports[2].supersedes',
      'unknown_superseded_report@reports[3].supersedes',
    ]);
  });
});

describe('checkNewReport', () => {
  const first = report('p/t1/i1', 'u1', '2020-07-10', 'done', { id: 'first' as ReportId, note: '已公开' });
  const other = report('p/t1/i2', 'u1', '2020-07-10', 'done', { id: 'other' as ReportId, note: '已公开' });
  const existing = [first, other];
  const check = (r: ProgressReport, extra: Partial<CheckNewReportOptions> = {}) =>
    checkNewReport(r, { existing, issuedOn: '2020-06-04', asOf: '2020-07-31', ...extra });
  const fields = (issues: readonly NewReportIssue[]) => issues.map((i) => `${i.code}@${i.field}`);

  it('accepts a well-formed correction of an earlier report of the same assignment', () => {
    const fix = report('p/t1/i1', 'u1', '2020-07-25', 'partial', {
      id: 'fix' as ReportId,
      percent: 50,
      supersedes: first.id,
    });
    expect(check(fix)).toEqual([]);
    expect(check(report('p/t1/i1', 'u1', '2020-07-25', 'started', { id: 'go' as ReportId }))).toEqual([]);
  });

  it('rejects a partial without percent, a percent outside 0–100 and a done with nothing at all', () => {
    expect(fields(check(report('p/t1/i1', 'u1', '2020-07-20', 'partial', { id: 'n1' as ReportId })))).toEqual(
      ['percent_missing@percent'],
    );
    expect(
      fields(check(report('p/t1/i1', 'u1', '2020-07-20', 'started', { id: 'n2' as ReportId, percent: 101 }))),
    ).toEqual(['percent_out_of_range@percent']);
    const bare = check(report('p/t1/i1', 'u1', '2020-07-20', 'done', { id: 'n3' as ReportId }));
    expect(fields(bare)).toEqual(['done_without_trace@note']);
    expect(bare[0]?.message.zh).toContain('佐证');
    expect(bare[0]?.message.en).toContain('evidence');
    const withEvidence = report('p/t1/i1', 'u1', '2020-07-20', 'done', {
      id: 'n4' as ReportId,
      evidence: [{ url: 'http://www.bjqxg.gov.cn/zwgk/1.html' }],
    });
    expect(check(withEvidence)).toEqual([]);
    expect(
      check(report('p/t1/i1', 'u1', '2020-07-20', 'done', { id: 'n5' as ReportId }), { requireTrace: false }),
    ).toEqual([]);
  });

  it('rejects a supersede of an unknown report, of another assignment, or of a report already corrected', () => {
    const fix = (supersedes: string, id: string) =>
      report('p/t1/i1', 'u1', '2020-07-25', 'done', {
        id: id as ReportId,
        note: '更正',
        supersedes: supersedes as ReportId,
      });
    expect(fields(check(fix('nowhere', 's1')))).toEqual(['unknown_superseded_report@supersedes']);
    expect(fields(check(fix('other', 's2')))).toEqual(['supersedes_other_assignment@supersedes']);
    const corrected = [...existing, fix('first', 's3')];
    const twice = checkNewReport(fix('first', 's4'), { existing: corrected });
    expect(fields(twice)).toEqual(['superseded_twice@supersedes']);
    expect(twice[0]?.message.en).toContain('report "s3"');
  });

  it('rejects a reused id, an unknown assignment and a day before the plan or after the day of filing', () => {
    const assignments: Assignment[] = [{ workItemId: item('p/t1/i1'), unitId: U('u1'), role: 'lead' }];
    const issues = check(report('p/t9/i9', 'u1', '2020-08-01', 'started', { id: 'first' as ReportId }), {
      assignments,
    });
    expect(fields(issues)).toEqual([
      'duplicate_report_id@id',
      'unknown_assignment@workItemId',
      'reported_after_as_of@reportedOn',
    ]);
    expect(
      fields(check(report('p/t1/i1', 'u1', '2020-05-01', 'started', { id: 'early' as ReportId }))),
    ).toEqual(['reported_before_issue@reportedOn']);
    expect(
      issues.every((i) => i.message.zh !== '' && i.message.en !== '' && i.location?.path === i.field),
    ).toBe(true);
  });
});
