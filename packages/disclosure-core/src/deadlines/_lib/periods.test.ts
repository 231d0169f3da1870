import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilFromDayNumber, dayNumberFromCivil, parseIsoDayNumber } from '../../calendar/_lib/day-number';
import { periodEnd, periodIndex, periodStart, windowsAround } from './periods';

describe('calendar-aligned periods', () => {
  it('puts every day between the first and last day of its period, for each cadence', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumberFromCivil(1850, 1, 1), max: dayNumberFromCivil(2250, 12, 31) }),
        fc.constantFrom('month', 'quarter', 'halfYear', 'year' as const),
        (dn, cadence) => {
          const k = periodIndex(dn, cadence);
          expect(periodStart(k, cadence)).toBeLessThanOrEqual(dn);
          expect(periodEnd(k, cadence)).toBeGreaterThanOrEqual(dn);
          expect(civilFromDayNumber(periodStart(k, cadence)).day).toBe(1);
        },
      ),
    );
  });

  it('runs Q3 2020 from 1 July to 30 September', () => {
    const k = periodIndex(parseIsoDayNumber('2020-08-20'), 'quarter');
    expect([periodStart(k, 'quarter'), periodEnd(k, 'quarter')]).toEqual([
      parseIsoDayNumber('2020-07-01'),
      parseIsoDayNumber('2020-09-30'),
    ]);
  });

  it('merges a short first window into the next period only when asked', () => {
    const start = parseIsoDayNumber('2020-06-04');
    const asOf = parseIsoDayNumber('2020-07-15');
    expect(windowsAround(start, asOf, 'quarter', true).current.to).toBe(parseIsoDayNumber('2020-09-30'));
    expect(windowsAround(start, asOf, 'quarter', false).previous?.to).toBe(parseIsoDayNumber('2020-06-30'));
  });
});
