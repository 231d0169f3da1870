import { describe, expect, it } from 'vitest';
import { issuePaths } from '../../test/_helpers/issues';
import { qixingguanUnits } from '../units/data/qixingguan-units';
import { circular, training, U } from './_lib/test-fixtures';
import { checkOutsideEvents } from './check-outside-events';
import { eventMatches, matchEvents } from './match-events';
import { type EventId, eventUnits, type OutsideEvent, toRecordedEvents } from './outside-event';

const live: OutsideEvent = {
  kind: 'awaited',
  id: 'e0' as EventId,
  occurredOn: '2020-09-01',
  key: '贵州省惠民政策项目资金信息公开平台上线运行',
  note: '平台上线',
};

describe('checkOutsideEvents', () => {
  it('reports bad dates, duplicate ids, empty texts, unknown units and bad counts with paths', () => {
    const issues = checkOutsideEvents(
      [
        { ...live, key: ' ', occurredOn: '2020-9-1' },
        { ...circular('e0', '2020-09-10', 'criticism', []), text: '' },
        circular('e2', '2020-09-10', 'commendation', ['nowhere']),
        { ...training('e3', '2020-07-08', 'gov-office'), participants: -1 },
      ],
      { units: qixingguanUnits },
    );
    expect(issuePaths(issues)).toEqual([
      'invalid_date@events[0].occurredOn',
      'empty_key@events[0].key',
      'duplicate_event_id@events[1].id',
      'empty_text@events[1].text',
      'no_units@events[1].unitIds',
      'unknown_unit@events[2].unitIds[0]',
      'invalid_participants@events[3].participants',
    ]);
  });

  it('accepts events naming registry units', () => {
    expect(
      checkOutsideEvents(
        [
          live,
          circular('e1', '2020-09-10', 'criticism', ['520502101']),
          training('e2', '2020-07-08', 'gov-office'),
        ],
        {
          units: qixingguanUnits,
        },
      ),
    ).toEqual([]);
  });
});

describe('outside events', () => {
  it('turns awaited events into the deadline code’s recorded events, and only those', () => {
    expect(toRecordedEvents([live, training('e2', '2020-07-08', 'gov-office')])).toEqual([
      { key: '贵州省惠民政策项目资金信息公开平台上线运行', occurredOn: '2020-09-01', note: '平台上线' },
    ]);
  });

  it('says which units an event concerns', () => {
    expect(eventUnits(live)).toEqual([]);
    expect(eventUnits(circular('e1', '2020-09-10', 'criticism', ['a', 'b']))).toEqual(['a', 'b']);
    expect(eventUnits(training('e2', '2020-07-08', 'gov-office'))).toEqual(['gov-office']);
  });

  it('matches by kind, tone and level, and counts within a window for one unit, by date', () => {
    const events = [
      circular('c3', '2020-11-01', 'criticism', ['u1'], 'city'),
      circular('c1', '2020-05-01', 'criticism', ['u1']),
      circular('c2', '2020-09-01', 'criticism', ['u1', 'u2']),
      circular('c4', '2020-09-01', 'commendation', ['u1']),
      circular('c5', '2020-09-01', 'criticism', ['u1'], 'district'),
    ];
    expect(eventMatches(events[0]!, { kind: 'circular', tone: 'criticism', levels: ['city'] })).toBe(true);
    expect(eventMatches(training('t', '2020-07-01', 'u1'), { kind: 'training', levels: ['city'] })).toBe(
      false,
    );
    const found = matchEvents(events, {
      match: { kind: 'circular', tone: 'criticism', levels: ['province', 'city'] },
      unitId: U('u1'),
      from: '2020-06-04',
      to: '2020-12-31',
    });
    expect(found.map((e) => e.id)).toEqual(['c2', 'c3']);
  });
});
