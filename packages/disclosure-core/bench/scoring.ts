/**
 * `pnpm bench` (second part): the assessment at province scale (issue 5). Generates ≈6,000 units
 * with 60 assignments each, 5 reports per assignment (1.8 M reports, some corrections), and outside
 * events (bench/_scoring-dataset.ts), then scores every unit with the default scheme as of
 * 2020-12-31: with lazy line messages (`lineMessages: 'lazy'`), then with eager ones (the default),
 * each with the reports as a plain array (grouped by the call) and as `indexReports` gives them
 * (grouped once, before the runs; that time is printed on its own). Each case runs BENCH_RUNS times
 * (default 5): the first run is reported as cold, the median of the others as warm, with the
 * process's CPU time per run beside the wall time (on a shared machine the wall time mostly
 * measures waiting for a CPU). BENCH_CASES picks cases by number (`BENCH_CASES=3` runs only the
 * default: eager lines, reports as an array, so that its peak RSS is its own). Prints the
 * generation time, the scoring times, memory and the load average; figures go to
 * docs/performance.md by hand ("Scoring"). Deterministic: a seeded generator.
 */
import { loadavg } from 'node:os';
import { resourceUsage } from 'node:process';
import {
  type AssessmentResult,
  indexReports,
  type ProgressReport,
  qixingguan2020Assessment,
  scoreUnits,
} from '../src/index';
import { AS_OF, generateScoringDataset } from './_scoring-dataset';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CASES = (process.env.BENCH_CASES ?? '1,2,3,4').split(',').map(Number);
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
/** Peak resident set size of the process so far (the kernel's high-water mark). */
const peakRss = (): number => resourceUsage().maxRSS * 1024;
const gc = (globalThis as { gc?: () => void }).gc;

console.log(
  `node ${process.version}; load average (1, 5, 15 min): ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}`,
);
const t0 = performance.now();
const data = generateScoringDataset();
const generated = performance.now() - t0;
const generationPeak = peakRss();
gc?.();
const input = process.memoryUsage();
console.log(
  `Scoring benchmark: ${data.plan.units.units.length - 1} units, ${data.assignments.length} assignments, ${data.reports.length} reports, ${data.events.length} events`,
);
console.log(
  `  dataset generation: ${generated.toFixed(0)} ms; input heap ${mb(input.heapUsed)} after GC, rss ${mb(input.rss)}, peak rss so far ${mb(generationPeak)}`,
);

// One indexReports call, as a caller (the gateway) makes once for many scorings (only when a case
// reads it: the index is held for the whole run and counts in its memory).
let indexed: readonly ProgressReport[] = data.reports;
if (CASES.includes(2) || CASES.includes(4)) {
  const tIndex = performance.now();
  indexed = indexReports(data.reports);
  const indexing = performance.now() - tIndex;
  console.log(`  indexReports (once, outside the scoring runs): ${indexing.toFixed(0)} ms`);
}

const cases = [
  { name: "lineMessages 'lazy', reports as an array", lineMessages: 'lazy', reports: data.reports },
  { name: "lineMessages 'lazy', reports from indexReports", lineMessages: 'lazy', reports: indexed },
  {
    name: "lineMessages 'eager' (default), reports as an array",
    lineMessages: 'eager',
    reports: data.reports,
  },
  {
    name: "lineMessages 'eager' (default), reports from indexReports",
    lineMessages: 'eager',
    reports: indexed,
  },
] as const;
for (const [at, { name, lineMessages, reports }] of cases.entries()) {
  if (!CASES.includes(at + 1)) continue;
  const times: number[] = [];
  const cpu: number[] = [];
  let heapAtEnd = 0;
  let last: AssessmentResult | undefined;
  for (let i = 0; i < RUNS; i++) {
    last = undefined;
    gc?.();
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    last = scoreUnits(data.plan, {
      ...data,
      reports,
      scheme: qixingguan2020Assessment,
      asOf: AS_OF,
      lineMessages,
    });
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    heapAtEnd = Math.max(heapAtEnd, process.memoryUsage().heapUsed);
  }
  const peak = peakRss();
  gc?.();
  const retained = process.memoryUsage().heapUsed - input.heapUsed;
  // The first run is cold (code not yet optimised); the median of the others is the steady state.
  const warm = times.slice(1).sort((a, b) => a - b);
  const lines = last?.units.reduce((s, u) => s + u.lines.length, 0) ?? 0;
  console.log(
    `  ${at + 1}. scoreUnits as of ${AS_OF}, ${name}: ${RUNS} runs, ms: ${times.map((t) => t.toFixed(0)).join(', ')}; CPU ms (all threads, GC included): ${cpu.map((t) => t.toFixed(0)).join(', ')}`,
  );
  console.log(
    `    cold (first run) ${times[0]?.toFixed(0)} ms; warm median ${warm[Math.floor((warm.length - 1) / 2)]?.toFixed(0)} ms, best ${warm[0]?.toFixed(0)} ms (aim < 500 ms); ${last?.units.length} units, ${lines} lines`,
  );
  console.log(
    `    memory: peak rss ${mb(peak)} (process high-water mark so far, input included; aim < 1 GiB), heap at the end of a run ≤ ${mb(heapAtEnd)}, result retained ${mb(retained)} (after GC${gc ? '' : ': run with --expose-gc'})`,
  );
}
console.log(
  `  load average (1, 5, 15 min): ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}`,
);
