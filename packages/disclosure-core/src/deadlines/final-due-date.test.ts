import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../calendar/create-work-calendar';
import { deadlineReader } from './_lib/read-deadline.testing';
import { finalDueDate } from './final-due-date';

const options = { planYear: 2020, issuedOn: '2020-06-04' } as const;
const { read } = deadlineReader(options);

const NEW_MEDIA = '省政府办公厅建立全省政府系统政务新媒体备案管理系统';

describe('finalDueDate', () => {
  it('returns the due date of a by deadline', () => {
    expect(finalDueDate(read('2020年7月中旬前'))).toBe('2020-07-20');
  });

  it('returns null for standing and recurring duties', () => {
    expect(finalDueDate(read('立即落实,长期坚持'))).toBeNull();
    expect(finalDueDate(read('每年至少要组织1—2次'))).toBeNull();
  });

  it('waits for an event, then allows 20 working days after it', () => {
    const d = read(`待${NEW_MEDIA}后`);
    expect(finalDueDate(d, { events: [] })).toBeNull();
    // Recorded as "省政务新媒体备案管理系统 went live on 2020-08-15" (a Saturday).
    expect(
      finalDueDate(d, {
        events: [{ key: NEW_MEDIA, occurredOn: '2020-08-15', note: '省政务新媒体备案管理系统上线' }],
      }),
    ).toBe('2020-09-11');
  });

  it('uses the earliest record when an event is recorded twice, and ignores other events', () => {
    const d = read(`待${NEW_MEDIA}后`);
    const events = [
      { key: '其他系统', occurredOn: '2020-07-01' },
      { key: NEW_MEDIA, occurredOn: '2020-09-30' },
      { key: NEW_MEDIA, occurredOn: '2020-09-25' },
    ];
    expect(finalDueDate(d, { events })).toBe(
      finalDueDate(d, { events: [{ key: NEW_MEDIA, occurredOn: '2020-09-25' }] }),
    );
  });

  it('skips the National Day holiday when counting the grace period', () => {
    const d = read(`待${NEW_MEDIA}后`);
    // 2020-09-30 + 20 working days: 10-09, 10-10 (调休 Saturday), then 10-12 … 11-04.
    expect(finalDueDate(d, { events: [{ key: NEW_MEDIA, occurredOn: '2020-09-30' }] })).toBe('2020-11-04');
  });

  it('returns the last step of milestones, or null while a step waits', () => {
    expect(finalDueDate(read('确保7月底前实现异地收件,年底前实现远程办理'))).toBe('2020-12-31');
    expect(finalDueDate(read(`7月底前完成备案,待${NEW_MEDIA}后迁移`))).toBeNull();
  });

  it('counts relative deadlines from a dated or recorded trigger', () => {
    expect(finalDueDate(read('自2020年7月1日起30日内'))).toBe('2020-07-31');
    const d = read('自收到申请之日起20个工作日内');
    expect(finalDueDate(d)).toBeNull();
    expect(finalDueDate(d, { events: [{ key: '收到申请', occurredOn: '2020-09-28' }] })).toBe('2020-11-02');
  });

  it('uses a local calendar for the grace period', () => {
    const cal = createWorkCalendar({
      localDays: [{ date: '2020-09-01', kind: 'holiday', name: '地方节日' }],
    });
    const d = read(`待${NEW_MEDIA}后`);
    expect(finalDueDate(d, { events: [{ key: NEW_MEDIA, occurredOn: '2020-08-15' }], calendar: cal })).toBe(
      '2020-09-14',
    );
  });

  it('estimates beyond the covered years only when asked, and marks it', () => {
    const d = read(`待${NEW_MEDIA}后`);
    const events = [{ key: NEW_MEDIA, occurredOn: '2026-12-20' }];
    expect(() => finalDueDate(d, { events })).toThrowError(/outside/);
    expect(finalDueDate(d, { events, outsideCoverage: 'estimate' })).toEqual({
      value: '2027-01-15',
      estimated: true,
    });
  });
});
