// The stall run of `pnpm bench:gateway` (issue 15): a light query's latency while the worst request
// of each kind the limits allow runs, in the same SQLite gateway process. The heavy requests vary
// their day (or 文号) each time, so the result cache never answers them.
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { complexityFromQuery } from '@pothos/plugin-complexity';
import type { Db } from '@qxg/db';
import { LIMITS } from '../src/builder';
import { schema } from '../src/schema';
import { bigPlanCsv } from '../test/big-plan';

const LIGHT = '{ plan(id: "qixingguan-2020") { title } }';
const BIG_ROWS = 20_000;
/** The light query is due every 20 ms. */
const INTERVAL_MS = 20;

interface Heavy {
  readonly name: string;
  /** One heavy request; `i` makes each one different (a day, a 文号). */
  readonly run: (i: number) => Promise<void>;
  /** Concurrent loops of it (the issue's attack: three clients). */
  readonly clients: number;
}

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
/** A day of 2100 (the last year accepted), different for each `i`. */
const farDay = (i: number) =>
  new Date(Date.UTC(2100, 11, 31) - (i % 360) * 86_400_000).toISOString().slice(0, 10);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Runs the stall table; `base` is the gateway's origin (`http://127.0.0.1:port`). */
export async function stallRun(options: {
  readonly db: Db;
  readonly base: string;
  readonly token: string;
  readonly seconds: number;
}): Promise<string> {
  const { db, base, token, seconds } = options;
  const post = async (query: string, variables: Record<string, unknown> = {}, auth = true) => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const json = (await response.json()) as {
      errors?: unknown;
      data?: Record<string, { userErrors?: unknown[] }>;
    };
    if (json.errors) throw new Error(JSON.stringify(json.errors).slice(0, 300));
    const userErrors = Object.values(json.data ?? {})[0]?.userErrors;
    if (userErrors && userErrors.length > 0) throw new Error(JSON.stringify(userErrors).slice(0, 300));
  };
  // The plan the big export downloads: one 20,000-row import before the run.
  const content = bigPlanCsv(BIG_ROWS);
  const importQuery = `mutation($i: ImportPlanInput!) { importPlan(input: $i) { workItems userErrors { code message { en } } } }`;
  const importOnce = (docNumber: string, dryRun: boolean) =>
    post(importQuery, {
      i: {
        format: 'CSV',
        content,
        docNumber,
        title: '压力测试方案',
        issuer: '测试区人民政府',
        issuedOn: '2020-06-04',
        dryRun,
      },
    });
  await importOnce('压测〔2020〕1号', false);
  const big = await db.prisma.plan.findFirstOrThrow({ where: { docNumber: '压测〔2020〕1号' } });
  const scheme = await db.prisma.assessmentScheme.findFirstOrThrow({ where: { planId: 'qixingguan-2020' } });
  const assignments = await db.prisma.assignment.findMany({
    where: { workItem: { keyTask: { planId: big.id } } },
    select: { id: true },
    take: LIMITS.nodeIds,
  });

  const summaries = (day: string) => {
    // As many far-date summaries as the complexity limit lets through.
    const one = (k: number) =>
      `s${k}: progressSummary(planId: "${big.id}", asOf: "${day}", groupBy: [UNIT]) { assignments }`;
    let n = 1;
    while (
      complexityFromQuery(`{ ${Array.from({ length: n + 1 }, (_, k) => one(k)).join(' ')} }`, { schema })
        .complexity <= LIMITS.complexity
    )
      n++;
    return `{ ${Array.from({ length: n }, (_, k) => one(k)).join(' ')} }`;
  };
  const aliases = (day: string) =>
    `{ ${Array.from({ length: LIMITS.aliases }, (_, k) => `a${k}: workItems(planId: "${big.id}", first: 3, asOf: "${day}") { edges { node { id } } }`).join(' ')} }`;
  const nodes = (day: string) =>
    `{ nodes(ids: ${JSON.stringify(assignments.map((a) => gid('Assignment', a.id)))}) { ... on Assignment { status(asOf: "${day}") { asOf class } } } }`;
  const previews = (day: string) =>
    `{ ${[0, 1].map((k) => `p${k}: assessmentPreview(planId: "qixingguan-2020", schemeId: "${gid('AssessmentScheme', scheme.id)}", asOf: "${day}") { asOf estimated }`).join(' ')} }`;
  for (const q of [summaries(farDay(0)), aliases(farDay(0)), nodes(farDay(0)), previews(farDay(0))]) {
    const c = complexityFromQuery(q, { schema }).complexity;
    if (c > LIMITS.complexity) throw new Error(`stall query over the limit (${c}): ${q.slice(0, 120)}`);
  }
  const heavies: Heavy[] = [
    {
      name: `far-date progressSummary ×${(summaries(farDay(0)).match(/progressSummary/g) ?? []).length} (max cost), 20,000-item plan`,
      clients: 3,
      run: (i) => post(summaries(farDay(i))),
    },
    {
      name: `${LIMITS.aliases} aliases of workItems, 20,000-item plan`,
      clients: 3,
      run: (i) => post(aliases(farDay(i))),
    },
    { name: `nodes(${LIMITS.nodeIds}) with status`, clients: 3, run: (i) => post(nodes(farDay(i))) },
    { name: 'assessmentPreview ×2 (max cost), seed plan', clients: 3, run: (i) => post(previews(farDay(i))) },
    {
      name: `importPlan, ${BIG_ROWS}-row CSV (stored)`,
      clients: 1,
      run: (i) => importOnce(`压测〔2020〕${i + 2}号`, false),
    },
    {
      name: `importPlan, ${BIG_ROWS}-row CSV (dryRun)`,
      clients: 1,
      run: () => importOnce('压测〔2021〕1号', true),
    },
    ...(['xlsx', 'csv'] as const).map((format) => ({
      name: `decomposition.${format} of the ${BIG_ROWS}-item plan`,
      clients: 2,
      run: async (i: number) => {
        const r = await fetch(
          `${base}/download/plans/${encodeURIComponent(big.id)}/decomposition.${format}?asOf=${farDay(i)}`,
          { headers: { authorization: `Bearer ${token}` } },
        );
        if (r.status !== 200) throw new Error(`download ${r.status}`);
        await r.arrayBuffer();
      },
    })),
  ];

  const rows: string[] = [];
  let serial = 0;
  // QXG_BENCH_STALL_KINDS=import,csv: only the heavy requests whose name contains one of the words.
  const kinds = process.env.QXG_BENCH_STALL_KINDS?.split(',').filter((k) => k !== '');
  const chosen = kinds ? heavies.filter((h) => kinds.some((k) => h.name.includes(k))) : heavies;
  for (const heavy of [{ name: 'nothing else (baseline)', clients: 0, run: async () => {} }, ...chosen]) {
    let stop = false;
    let done = 0;
    let heavyMax = 0;
    const failures: string[] = [];
    const loops = Array.from({ length: heavy.clients }, async () => {
      while (!stop) {
        const started = performance.now();
        try {
          await heavy.run(serial++);
          done++;
        } catch (error) {
          failures.push(String(error).slice(0, 200));
          stop = true;
        }
        heavyMax = Math.max(heavyMax, performance.now() - started);
      }
    });
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    // Garbage-collection pauses hold the event loop too: the longest one, to tell them from work.
    let gcMax = 0;
    const gc = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) gcMax = Math.max(gcMax, entry.duration);
    });
    gc.observe({ entryTypes: ['gc'] });
    const latencies: number[] = [];
    // Let the heavy clients start first, then send the light query every 20 ms for the window. Each
    // latency counts from when the request was due, so a blocked event loop that delays the sending
    // is measured too; a request due while the previous one was still out is due when it returns
    // (the one light client does not queue behind itself).
    await new Promise((resolve) => setTimeout(resolve, 200));
    const start = performance.now();
    let due = start;
    while (performance.now() < start + seconds * 1000) {
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await post(LIGHT, {}, false);
      const end = performance.now();
      latencies.push(end - due);
      due = Math.max(due + INTERVAL_MS, end);
    }
    stop = true;
    await Promise.all(loops);
    loop.disable();
    gc.disconnect();
    latencies.sort((a, b) => a - b);
    const f = (ms: number) => (ms < 10 ? ms.toFixed(1) : ms.toFixed(0));
    rows.push(
      `| ${heavy.name} | ${heavy.clients} | ${done} | ${heavy.clients ? f(heavyMax) : ''} | ${latencies.length} | ${f(percentile(latencies, 50))} | ${f(percentile(latencies, 99))} | ${f(latencies[latencies.length - 1] ?? 0)} | ${f(loop.max / 1e6)} | ${f(gcMax)} |${failures.length ? ` ${failures[0]}` : ''}`,
    );
  }
  return `| heavy request running | clients | heavy done | slowest heavy ms | light requests | light p50 ms | light p99 ms | light max ms | event-loop max delay ms | longest GC pause ms |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n${rows.join('\n')}`;
}
