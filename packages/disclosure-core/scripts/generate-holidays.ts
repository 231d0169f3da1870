/**
 * Regenerates `src/calendar/data/holidays.json` (the data `CHINA_HOLIDAY_YEARS` is read from) from the
 * State Council holiday arrangements kept as JSON (NateScarlet/holiday-cn format, one file per notice
 * year), by default `data/holiday-cn/` of this package.
 *
 *   node --import tsx scripts/generate-holidays.ts [dir-with-YYYY.json]
 *
 * The product never reads `data/` at run time: the generated JSON module is checked in and bundled.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

interface HolidayCnDay {
  readonly name: string;
  readonly date: string;
  readonly isOffDay: boolean;
}
interface HolidayCnFile {
  readonly year: number;
  readonly papers: readonly string[];
  readonly days: readonly HolidayCnDay[];
}

const here = dirname(fileURLToPath(import.meta.url));
const sourceDir = resolve(process.argv[2] ?? join(here, '../data/holiday-cn'));
const target = join(here, '../src/calendar/data/holidays.json');

const files = readdirSync(sourceDir)
  .filter((f) => /^\d{4}\.json$/.test(f))
  .sort();
if (files.length === 0) throw new Error(`No YYYY.json files in ${sourceDir}`);

const years = files.map((f) => {
  const data = JSON.parse(readFileSync(join(sourceDir, f), 'utf8')) as HolidayCnFile;
  const days = [...data.days]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map(
      (d) =>
        `      [${[d.date, d.isOffDay ? 'off' : 'work', d.name].map((v) => JSON.stringify(v)).join(', ')}]`,
    );
  // As biome formats it: the notices on one line when they fit.
  const oneLine = `    "notices": [${data.papers.map((p) => JSON.stringify(p)).join(', ')}],`;
  const notices =
    oneLine.length <= 110
      ? oneLine
      : `    "notices": [\n${data.papers.map((p) => `      ${JSON.stringify(p)}`).join(',\n')}\n    ],`;
  return `  {\n    "year": ${data.year},\n${notices}\n    "days": [\n${days.join(',\n')}\n    ]\n  }`;
});

writeFileSync(target, `[\n${years.join(',\n')}\n]\n`);
console.log(`Wrote ${files.length} years to ${target}`);
