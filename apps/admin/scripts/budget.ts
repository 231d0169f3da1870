// The admin app's budget (issues 7 and 12), measured on the running gateway in headless Chromium:
// - a cold load of the table page sends at most 450 KB of compressed JavaScript + CSS, counted as
//   the bytes the gateway sent (the response bodies as transferred, with `Accept-Encoding: br, gzip`);
// - of it, the initial JavaScript (the entry script and the chunks index.html preloads) under 400 KB;
// - the decomposition table's first render under 1.5 s (median of five cold runs).
// Run: pnpm --filter @qxg/admin budget [--no-build]. Prints the figures; exits 1 when over budget.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { ADMIN_ROOT, assertPrerequisites, DIST, launchBrowser, startGateway } from '../e2e/harness';
import { loginToken, signedInContext } from '../e2e/session';

const TRANSFER_BUDGET = 450 * 1024;
const INITIAL_JS_BUDGET = 400 * 1024;
const TABLE_RENDER_BUDGET_MS = 1500;
const RUNS = 5;
const ACCEPT_ENCODING = 'br, gzip';
const TABLE_ROWS = '[data-testid="decomposition-table"] tr[data-row-key]';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

interface Transfer {
  readonly path: string;
  readonly kind: 'js' | 'css' | 'other';
  /** The response body as sent (compressed when the gateway compressed it). */
  readonly body: number;
  readonly headers: number;
  readonly encoding: string;
}

if (!process.argv.includes('--no-build')) {
  execFileSync('pnpm', ['exec', 'vite', 'build', '--logLevel', 'warn'], {
    cwd: ADMIN_ROOT,
    stdio: 'inherit',
  });
}

/**
 * One cold load of /table in a fresh context (empty cache): every response the page received until
 * the rows are in and the network is idle (lazy chunks and the second query included), with the
 * bytes Chromium counted on the wire for its body.
 */
async function coldLoadTransfers(browser: Browser, baseUrl: string, token: string): Promise<Transfer[]> {
  const context = await signedInContext(browser, token);
  await context.setExtraHTTPHeaders({ 'accept-encoding': ACCEPT_ENCODING });
  const page = await context.newPage();
  const pending: Promise<Transfer>[] = [];
  page.on('requestfinished', (request) => {
    pending.push(
      (async () => {
        const response = await request.response();
        const sizes = await request.sizes();
        const url = new URL(request.url());
        const type = (await response?.headerValue('content-type')) ?? '';
        const kind = /javascript/.test(type) ? 'js' : /text\/css/.test(type) ? 'css' : 'other';
        return {
          path: `${request.method() === 'POST' ? 'POST ' : ''}${url.pathname}`,
          kind,
          body: sizes.responseBodySize,
          headers: sizes.responseHeadersSize,
          encoding: (await response?.headerValue('content-encoding')) ?? 'identity',
        };
      })(),
    );
  });
  try {
    await page.goto(`${baseUrl}/table`);
    await page.waitForSelector(TABLE_ROWS, { timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    return await Promise.all(pending);
  } finally {
    await context.close();
  }
}

function printTransfers(transfers: readonly Transfer[]): { js: number; css: number; initialJs: number } {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]));
  const sum = (list: readonly Transfer[]) => list.reduce((n, t) => n + t.body, 0);
  const line = (t: Transfer) =>
    `  ${t.path.padEnd(52)} ${kb(t.body).padStart(10)}  ${t.encoding}${initial.has(t.path) ? '  (initial)' : ''}`;
  const js = transfers.filter((t) => t.kind === 'js');
  const css = transfers.filter((t) => t.kind === 'css');
  const other = transfers.filter((t) => t.kind === 'other');
  console.log(
    `Cold load of /table as sent by the gateway (Accept-Encoding: ${ACCEPT_ENCODING}; response bodies):`,
  );
  console.log(`JavaScript, ${js.length} files:`);
  for (const t of [...js].sort((a, b) => b.body - a.body)) console.log(line(t));
  console.log(`  ${'JavaScript total'.padEnd(52)} ${kb(sum(js)).padStart(10)}`);
  console.log(`CSS, ${css.length} files:`);
  for (const t of css) console.log(line(t));
  console.log(`  ${'CSS total'.padEnd(52)} ${kb(sum(css)).padStart(10)}`);
  console.log(
    `  ${'JavaScript + CSS'.padEnd(52)} ${kb(sum(js) + sum(css)).padStart(10)}  (aim ≤ ${kb(TRANSFER_BUDGET)})`,
  );
  const initialJs = sum(js.filter((t) => initial.has(t.path)));
  console.log(
    `  ${'of which initial JavaScript'.padEnd(52)} ${kb(initialJs).padStart(10)}  (budget < ${kb(INITIAL_JS_BUDGET)})`,
  );
  console.log(`Other responses (HTML, GraphQL, fonts), ${other.length}:`);
  for (const t of other) console.log(line(t));
  console.log(`  ${'other total'.padEnd(52)} ${kb(sum(other)).padStart(10)}`);
  const headers = transfers.reduce((n, t) => n + t.headers, 0);
  console.log(`Response headers, all ${transfers.length} responses: ${kb(headers)}`);
  return { js: sum(js), css: sum(css), initialJs };
}

/** Navigation start → all rows of the seed plan rendered, in fresh contexts; one warm-up run first. */
async function tableRenderTimes(browser: Browser, baseUrl: string, token: string) {
  const timings: number[] = [];
  const taskTimes: number[] = [];
  let rowsSeen = 0;
  for (let i = 0; i <= RUNS; i++) {
    const context = await signedInContext(browser, token);
    const page = await context.newPage();
    // Main-thread busy time (CDP TaskDuration) besides wall time: on a loaded machine the wall time
    // mostly measures waiting for a CPU.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${baseUrl}/table`);
    await page.waitForSelector(TABLE_ROWS, { timeout: 30_000 });
    const ms = await page.evaluate(() => performance.now());
    const { metrics } = await cdp.send('Performance.getMetrics');
    const task = (metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN) * 1000;
    rowsSeen = await page.locator(TABLE_ROWS).count();
    if (i > 0) {
      timings.push(ms);
      taskTimes.push(task);
    }
    await context.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  return { median: median(timings), worst: Math.max(...timings), taskMedian: median(taskTimes), rowsSeen };
}

assertPrerequisites();
const gateway = await startGateway();
const browser = await launchBrowser();
let sent: ReturnType<typeof printTransfers>;
let render: Awaited<ReturnType<typeof tableRenderTimes>>;
try {
  const token = await loginToken(gateway.url, gateway.adminUsername, gateway.adminPassword);
  // The warm-up run of the timings comes first, so the gateway's first-request costs (JIT, SQLite
  // page cache) are in neither figure.
  render = await tableRenderTimes(browser, gateway.url, token);
  sent = printTransfers(await coldLoadTransfers(browser, gateway.url, token));
} finally {
  await browser.close();
  await gateway.stop();
}
console.log(
  `Machine: ${cpus().length} CPUs, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(
      ' ',
    )}; browser main-thread task time (wall time inside tasks) until then: median ${render.taskMedian.toFixed(0)} ms`,
);
console.log(
  `Decomposition table first render (${render.rowsSeen} rows, cold browser cache, ${RUNS} runs): median ${render.median.toFixed(0)} ms, worst ${render.worst.toFixed(0)} ms (budget ${TABLE_RENDER_BUDGET_MS} ms)`,
);

const over: string[] = [];
if (sent.js + sent.css > TRANSFER_BUDGET)
  over.push(`JavaScript + CSS sent ${kb(sent.js + sent.css)} > ${kb(TRANSFER_BUDGET)}`);
if (sent.initialJs >= INITIAL_JS_BUDGET)
  over.push(`initial JavaScript sent ${kb(sent.initialJs)} ≥ ${kb(INITIAL_JS_BUDGET)}`);
// Judged on the median of the cold runs; the worst is printed beside it.
if (!(render.median < TABLE_RENDER_BUDGET_MS))
  over.push(`table first render (median) ${render.median.toFixed(0)} ms ≥ ${TABLE_RENDER_BUDGET_MS} ms`);
if (over.length > 0) {
  console.error(`OVER BUDGET: ${over.join('; ')}`);
  process.exit(1);
}
console.log('Within budget.');
