/**
 * `pnpm bench` (import part, issue 4): how long `parsePlanDocument` takes on the seed notice as
 * published, and on the thirteen fixtures. Target: the seed under 5 ms (median). Results go to
 * docs/performance.md by hand ("Import").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { parsePlanDocument, qixingguanUnits } from '../src/index';

const seed = readFileSync(
  fileURLToPath(new URL('../data/qixingguan-2020-disclosure-plan.txt', import.meta.url)),
  'utf8',
);
const fixtureDir = fileURLToPath(new URL('../test/fixtures/import/', import.meta.url));
const fixtures = readdirSync(fixtureDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(`${fixtureDir}${f}`, 'utf8'));

const bench = new Bench({ time: 2000, warmupTime: 500 });
bench
  .add('parsePlanDocument: the seed notice (157 lines, 11 key tasks, 31 annex rows)', () => {
    parsePlanDocument(seed, { registry: qixingguanUnits, id: 'qixingguan-2020' });
  })
  .add(`parsePlanDocument: the ${fixtures.length} fixtures, one after another`, () => {
    for (const text of fixtures) parsePlanDocument(text, { registry: qixingguanUnits });
  });
await bench.run();

const rows = bench.tasks.map((t) => {
  const r = t.result as unknown as {
    latency?: { p50?: number; p99?: number; mean?: number };
    throughput?: { mean?: number };
  };
  return {
    task: t.name,
    'median ms': r.latency?.p50?.toFixed(3),
    'p99 ms': r.latency?.p99?.toFixed(3),
    'ops/s': Math.round(r.throughput?.mean ?? 0),
  };
});
console.table(rows);
const median = Number(rows[0]?.['median ms']);
if (!(median < 5)) {
  console.error(`import bench: the seed took ${median} ms (median); the target is under 5 ms`);
  process.exitCode = 1;
}
