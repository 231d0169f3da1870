import { describe, expect, it } from 'vitest';
import { dueInstant } from './due-instant';
import { parseDeadline } from './parse-deadline';

describe('dueInstant', () => {
  it('is 23:59:59.999 China time (+08:00) on the due day, whatever the process time zone', () => {
    expect(dueInstant('2020-07-20').toISOString()).toBe('2020-07-20T15:59:59.999Z');
  });

  it('accepts a Date and reads it in Asia/Shanghai', () => {
    // 2020-07-20T20:00Z is already 21 July in Beijing.
    expect(dueInstant(new Date('2020-07-20T20:00:00Z')).toISOString()).toBe('2020-07-21T15:59:59.999Z');
  });

  it('takes a deadline and returns null when it has no end', () => {
    const opts = { planYear: 2020, issuedOn: '2020-06-04' } as const;
    const by = parseDeadline('2020年9月底前', opts);
    const ongoing = parseDeadline('立即落实,长期坚持', opts);
    if (!by.ok || !ongoing.ok) throw new Error('fixture');
    expect(dueInstant(by.value)?.toISOString()).toBe('2020-09-30T15:59:59.999Z');
    expect(dueInstant(ongoing.value)).toBeNull();
  });
});
