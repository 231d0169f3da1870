/**
 * `pnpm bench` (plan-io part, issue 11): how long importing the seed takes through `readPlanFile`, as
 * published text, as a Word file and as a website page. Target: the seed under 5 ms (median) as text.
 * Reads the seed from ../shared/seed when it is there (benchmarks may), else the core's copy.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { qixingguanUnits } from '@qxg/disclosure-core';
import { readPlanFile } from '../src/read-plan-file';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const shared = here('../../../../shared/seed/qixingguan-2020-disclosure-plan.txt');
const seedPath = existsSync(shared)
  ? shared
  : here('../../disclosure-core/data/qixingguan-2020-disclosure-plan.txt');
const inputs: [string, string, Uint8Array][] = [
  ['the seed as text (.txt)', 'seed.txt', readFileSync(seedPath)],
  ['the seed as Word (.docx)', 'seed.docx', readFileSync(here('../test/fixtures/qixingguan-2020.docx'))],
  [
    'the seed as a web page (.html)',
    'seed.html',
    readFileSync(here('../test/fixtures/qixingguan-2020.html')),
  ],
];
const options = { registry: qixingguanUnits, id: 'qixingguan-2020' };

/**
 * Wall-clock median and p95, and CPU time per run (process.cpuUsage: on a loaded machine the wall
 * clock includes waiting for a core, the CPU time does not).
 */
async function measure(
  fileName: string,
  bytes: Uint8Array,
): Promise<{ median: number; p95: number; cpu: number; runs: number }> {
  const until = performance.now() + 500;
  while (performance.now() < until) await readPlanFile(bytes, fileName, options); // warm-up
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  const end = performance.now() + 2000;
  while (performance.now() < end || times.length < 20) {
    const t0 = performance.now();
    await readPlanFile(bytes, fileName, options);
    times.push(performance.now() - t0);
  }
  const used = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN;
  return {
    median: at(0.5),
    p95: at(0.95),
    cpu: (used.user + used.system) / 1000 / times.length,
    runs: times.length,
  };
}

const rows: {
  input: string;
  'median ms': string;
  'p95 ms': string;
  'cpu ms/run': string;
  runs: number;
  items: number;
}[] = [];
for (const [name, fileName, bytes] of inputs) {
  const r = await readPlanFile(bytes, fileName, options);
  const items = r.plan?.categories.flatMap((c) => c.keyTasks.flatMap((k) => k.workItems)).length ?? 0;
  const m = await measure(fileName, bytes);
  rows.push({
    input: name,
    'median ms': m.median.toFixed(3),
    'p95 ms': m.p95.toFixed(3),
    'cpu ms/run': m.cpu.toFixed(3),
    runs: m.runs,
    items,
  });
}
console.log(`seed read from ${seedPath === shared ? '../shared/seed' : 'packages/disclosure-core/data'}`);
console.table(rows);
const median = Number(rows[0]?.['median ms']);
if (!(median < 5)) {
  console.error(`plan-io import bench: the seed took ${median} ms (median); the target is under 5 ms`);
  process.exitCode = 1;
}
