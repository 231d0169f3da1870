import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDeadline } from './parse-deadline';

const options = { planYear: 2020, issuedOn: '2020-06-04' } as const;
// Characters that make the reader work: numerals, period words, markers, punctuation, dashes.
const pieces = fc.constantFrom(
  ...'0123456789０９〇一二两三四五六七八九十年月日号旬上中下底末前内以之完成止季度半全次明每至少次待后立即长期坚持从自起个工作天,，;。、—-～ '.split(
    '',
  ),
  ...'季度 中旬 底前 工作日 之日起 上线运行 半个月 法定时限 年底11月'.split(' '),
);

describe('parseDeadline on arbitrary input', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const r = parseDeadline(text, options);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on strings built from deadline vocabulary, and every issue points inside the text', () => {
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 30 }).map((a) => a.join('')),
        (text) => {
          const r = parseDeadline(text, options);
          if (!r.ok) {
            for (const i of r.issues) {
              expect(i.location?.offset).toBeGreaterThanOrEqual(0);
              expect(i.location?.offset).toBeLessThanOrEqual(text.length);
            }
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('reads every written month-end as the last day of that month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const r = parseDeadline(`${year}年${month}月底前`, options);
        const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
        expect(r).toMatchObject({
          ok: true,
          value: { dueOn: `${year}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}` },
        });
      }),
    );
  });
});
