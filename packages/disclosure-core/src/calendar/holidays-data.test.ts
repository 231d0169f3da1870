import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHINA_HOLIDAY_YEARS } from './data/holidays';

// Tests may read the shared data set; the product never does (the data is generated into the package).
const sharedDir = join(import.meta.dirname, '../../data/holiday-cn');

interface HolidayCnFile {
  readonly year: number;
  readonly papers: readonly string[];
  readonly days: readonly { name: string; date: string; isOffDay: boolean }[];
}

describe('embedded holiday data', () => {
  const files = readdirSync(sharedDir).filter((f) => /^\d{4}\.json$/.test(f));

  it('has one entry per shared holiday-cn file, in year order', () => {
    expect(CHINA_HOLIDAY_YEARS.map((y) => y.year)).toEqual(files.map((f) => Number(f.slice(0, 4))).sort());
  });

  it.each(files)('equals the shared %s day for day, with its notices', (file) => {
    const shared = JSON.parse(readFileSync(join(sharedDir, file), 'utf8')) as HolidayCnFile;
    const embedded = CHINA_HOLIDAY_YEARS.find((y) => y.year === shared.year);
    expect(embedded?.notices).toEqual(shared.papers);
    const expected = [...shared.days]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((d) => [d.date, d.isOffDay ? 'off' : 'work', d.name]);
    expect(embedded?.days).toEqual(expected);
  });

  it('cites a gov.cn notice for every year', () => {
    for (const y of CHINA_HOLIDAY_YEARS) {
      expect(y.notices.length).toBeGreaterThan(0);
      for (const url of y.notices) expect(url).toMatch(/^https?:\/\/www\.gov\.cn\//);
    }
  });
});
