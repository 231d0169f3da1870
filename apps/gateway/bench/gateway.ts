// `pnpm bench:gateway`: the admin app's own page queries (bench/admin-documents.ts) plus the full plan
// tree, with autocannon (50 connections), against
//   (a) SQLite: the gateway in this process, result cache on and off;
//   (b) PostgreSQL: two `qxg serve` processes on one database, connections spread over both, cache
//       on and off (skipped when no PostgreSQL is reachable);
// beside a bare graphql-yoga hello-world in the same run. Also the cold path (one connection, the
// cache invalidated just before each request) and the first request after a start.
//   (c) the stall run (bench/stall.ts): a light query's latency while the worst request of each kind
//       runs (far-date summaries at the cost limit, 30 aliases, nodes(100), a 20,000-row import, the
//       big downloads, assessmentPreview).
// QXG_BENCH_SECONDS (default 10) bounds each autocannon run; the whole run is ~30 runs.
// QXG_BENCH_STALL_ONLY=1 runs only (c).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CHANGE_SEQUENCE, createDb, type Db } from '@qxg/db';
import { TEST_ENGINES } from '@qxg/db/testing';
import autocannon from 'autocannon';
import { createSchema, createYoga } from 'graphql-yoga';
import { readBenchEnv } from '../src/env';
import { createHttpServer } from '../src/http';
import { createGatewayYoga } from '../src/server';
import { bootstrap } from '../src/services/bootstrap';
import { downloadRoute } from '../src/services/downloads';
import { createSession } from '../src/services/sessions';
import { createSnapshotRefresher } from '../src/services/status-snapshots';
import { closeWorkers } from '../src/workers/pool';
import { DASHBOARD } from '../test/dashboard-query';
import { adminPageQueries, type PageQuery } from './admin-documents';
import { stallRun } from './stall';
import { type Served, serve, spread, stop } from './two-processes';

const { seconds } = readBenchEnv();
/** `QXG_BENCH_STALL_ONLY=1`: only the stall run (c). */
const stallOnly = process.env.QXG_BENCH_STALL_ONLY === '1';
const CONNECTIONS = 50;
const COLD_SAMPLES = 10;
const PLAN = 'qixingguan-2020';
const AS_OF = '2020-09-15';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

interface Figures {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

const headersOf = (token: string | null) => ({
  'content-type': 'application/json',
  ...(token ? { authorization: `Bearer ${token}` } : {}),
});

async function probe(url: string, q: PageQuery, token: string | null): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: headersOf(token),
    body: JSON.stringify({ query: q.query, variables: q.variables }),
  });
  const text = await response.text();
  const json = JSON.parse(text) as { errors?: unknown };
  if (json.errors) throw new Error(`${q.name}: ${JSON.stringify(json.errors).slice(0, 500)}`);
  return text.length;
}

async function load(urls: readonly string[], q: PageQuery, token: string | null): Promise<Figures> {
  const body = JSON.stringify({ query: q.query, variables: q.variables });
  if (urls.length > 1) return spread(urls, body, CONNECTIONS, seconds, headersOf(token));
  const r = await autocannon({
    url: urls[0] ?? '',
    method: 'POST',
    headers: headersOf(token),
    body,
    connections: CONNECTIONS,
    duration: seconds,
  });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

/** Median and worst of one-connection requests, each right after the cache was invalidated. */
async function cold(
  url: string,
  q: PageQuery,
  token: string | null,
  invalidate: () => Promise<void>,
): Promise<{ median: number; worst: number }> {
  const times: number[] = [];
  for (let i = 0; i < COLD_SAMPLES; i++) {
    await invalidate();
    const started = performance.now();
    await probe(url, q, token);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)] ?? 0, worst: times[times.length - 1] ?? 0 };
}

async function adminToken(db: Db): Promise<string> {
  const admin = await db.prisma.user.findFirstOrThrow({
    where: { role: 'ADMIN' },
    orderBy: { createdAt: 'asc' },
  });
  return (await createSession(db.prisma, admin.id, { now: new Date(), ttlHours: 12 })).token;
}

/** The page queries with the seed's busiest work item and unit. */
async function workload(db: Db): Promise<PageQuery[]> {
  const assignments = await db.prisma.assignment.findMany({ select: { workItemId: true, unitId: true } });
  const busiest = (key: 'workItemId' | 'unitId') => {
    const counts = new Map<string, number>();
    for (const a of assignments) counts.set(a[key], (counts.get(a[key]) ?? 0) + 1);
    return [...counts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0] ?? ['', 0];
  };
  const [item, itemAssignments] = busiest('workItemId');
  const [unitKey, unitAssignments] = busiest('unitId');
  const pages = await adminPageQueries({
    planId: PLAN,
    asOf: AS_OF,
    workItemId: Buffer.from(`WorkItem:${item}`).toString('base64'),
    unitKey,
  });
  console.log(
    `workload: the admin app's documents (apps/admin/src); work item ${item} (${itemAssignments} assignments), unit ${unitKey} (${unitAssignments} assignments), as of ${AS_OF}`,
  );
  return [...pages, { name: 'full plan tree', query: DASHBOARD, variables: { planId: PLAN, asOf: AS_OF } }];
}

const TABLE_HEAD =
  '| query | KB | cache | req/s | p50 ms | p99 ms | vs bare | errors |\n| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |';
const row = (name: string, kb: string, cache: string, f: Figures, bare: number) =>
  `| ${name} | ${kb} | ${cache} | ${f.rps.toFixed(0)} | ${f.p50} | ${f.p99} | ${((f.rps / bare) * 100).toFixed(1)}% | ${f.errors} |`;
const fmt = (ms: number) => (ms < 10 ? ms.toFixed(1) : ms.toFixed(0));

const dir = mkdtempSync(path.join(os.tmpdir(), 'qxg-bench-'));
const url = `file:${path.join(dir, 'bench.db')}`;
const db = createDb({ url });
try {
  await bootstrap(db, url, { seed: true, adminPassword: 'bench-password' });
  const token = await adminToken(db);
  const gateway = createHttpServer({ yoga: createGatewayYoga({ db, graphiql: false }) });
  const gatewayUrl = await listen(gateway);
  const uncached = createHttpServer({
    yoga: createGatewayYoga({ db, graphiql: false, responseCache: false }),
  });
  const uncachedUrl = await listen(uncached);
  const hello = createServer(
    createYoga({
      schema: createSchema({
        typeDefs: 'type Query { hello: String! }',
        resolvers: { Query: { hello: () => 'world' } },
      }),
      logging: false,
    }),
  );
  const helloUrl = await listen(hello);
  const queries = await workload(db);
  const [load1, load5] = os.loadavg();
  console.log(
    `gateway bench: ${CONNECTIONS} connections, ${seconds} s per run, node ${process.version}, ${os.cpus().length} CPUs, load average ${load1?.toFixed(1)} / ${load5?.toFixed(1)} (1 / 5 min) at start`,
  );

  if (!stallOnly) {
    // (a) SQLite, one process.
    const helloQuery: PageQuery = { name: 'bare yoga hello-world', query: '{ hello }', variables: {} };
    const bareFigures = await load([helloUrl], helloQuery, null);
    const bare = bareFigures.rps || 1;
    const sqliteRows = [row(helloQuery.name, '', '', bareFigures, bare)];
    const sizes = new Map<string, string>();
    for (const q of queries) {
      sizes.set(q.name, ((await probe(gatewayUrl, q, token)) / 1024).toFixed(0));
      await probe(uncachedUrl, q, token);
      sqliteRows.push(row(q.name, sizes.get(q.name) ?? '', 'on', await load([gatewayUrl], q, token), bare));
      sqliteRows.push(row(q.name, '', 'off', await load([uncachedUrl], q, token), bare));
    }
    console.log(`\n(a) SQLite, one gateway process (seed plan):\n${TABLE_HEAD}\n${sqliteRows.join('\n')}`);
    const sqliteCold: string[] = [];
    for (const q of queries) {
      const c = await cold(gatewayUrl, q, token, () => db.changes.note());
      sqliteCold.push(`| ${q.name} | ${fmt(c.median)} | ${fmt(c.worst)} |`);
    }
    console.log(
      `\nSQLite cold path (one connection, cache invalidated before each of ${COLD_SAMPLES} requests):\n| query | median ms | worst ms |\n| --- | ---: | ---: |\n${sqliteCold.join('\n')}`,
    );
    await new Promise((resolve) => gateway.close(resolve));
    await new Promise((resolve) => uncached.close(resolve));
    {
      // First request after a start: `qxg serve` on a copy-free fresh SQLite file (seeded at start).
      const fresh = await serve({
        DATABASE_URL: `file:${path.join(dir, 'first.db')}`,
        QXG_ADMIN_PASSWORD: 'bench-password-1',
      });
      try {
        const q = queries.find((x) => x.name === 'full plan tree') as PageQuery;
        const started = performance.now();
        await probe(fresh.url, q, null);
        console.log(
          `SQLite, \`qxg serve\` from spawn to serving: ${fresh.startMs.toFixed(0)} ms (first start: migrations and seed); first full-tree request after it: ${(performance.now() - started).toFixed(0)} ms`,
        );
      } finally {
        await stop([fresh]);
      }
    }

    // (b) PostgreSQL, two `qxg serve` processes sharing the database, connections spread over both.
    const postgres = TEST_ENGINES.find((e) => e.engine === 'postgresql');
    if (!postgres || postgres.skipReason !== null) {
      console.log(`\n(b) PostgreSQL, two processes: skipped (${postgres?.skipReason ?? 'no engine'})`);
    } else {
      const scratch = await postgres.createDatabase();
      const pg = createDb({ url: scratch.url });
      try {
        const rows: string[] = [];
        const coldRows: string[] = [];
        const starts: string[] = [];
        let pgToken = '';
        for (const cache of ['on', 'off'] as const) {
          const env = {
            DATABASE_URL: scratch.url,
            QXG_RESPONSE_CACHE: cache,
            QXG_ADMIN_PASSWORD: 'bench-password-1',
          };
          const first = await serve(env);
          const served: Served[] = [first, await serve(env)];
          try {
            pgToken ||= await adminToken(pg);
            const urls = served.map((s) => s.url);
            const full = queries.find((x) => x.name === 'full plan tree') as PageQuery;
            const coldStart = performance.now();
            await probe(urls[1] ?? '', full, pgToken);
            starts.push(
              `cache ${cache}: spawn to serving ${served.map((s) => s.startMs.toFixed(0)).join(' / ')} ms; first full-tree request ${(performance.now() - coldStart).toFixed(0)} ms`,
            );
            for (const q of queries) {
              for (const u of urls) await probe(u, q, pgToken);
              rows.push(row(q.name, '', cache, await load(urls, q, pgToken), bare));
            }
            if (cache === 'on') {
              const bump = async () => {
                await pg.prisma.$queryRawUnsafe(`SELECT nextval('${CHANGE_SEQUENCE}') IS NOT NULL AS ok`);
              };
              for (const q of queries) {
                const c = await cold(urls[0] ?? '', q, pgToken, bump);
                coldRows.push(`| ${q.name} | ${fmt(c.median)} | ${fmt(c.worst)} |`);
              }
            }
          } finally {
            await stop(served);
          }
        }
        console.log(
          `\n(b) PostgreSQL, two gateway processes, ${CONNECTIONS} connections spread over both:\n${TABLE_HEAD}\n${rows.join('\n')}`,
        );
        console.log(
          `\nPostgreSQL cold path (one connection to one process, change sequence advanced before each of ${COLD_SAMPLES} requests):\n| query | median ms | worst ms |\n| --- | ---: | ---: |\n${coldRows.join('\n')}`,
        );
        console.log(`\nPostgreSQL starts: ${starts.join('; ')}`);
      } finally {
        await pg.close();
        await scratch.drop();
      }
    }
  }

  if (stallOnly) {
    // (a) closes these when it runs.
    await new Promise((resolve) => gateway.close(resolve));
    await new Promise((resolve) => uncached.close(resolve));
  }

  // (c) The stall run: a light query while the worst request of each kind runs (SQLite, this process).
  {
    // As `qxg serve` runs: today's status snapshots refreshed after each status-changing write.
    const snapshots = createSnapshotRefresher({ db });
    const stallServer = createHttpServer({
      yoga: createGatewayYoga({ db, graphiql: false, snapshots }),
      routes: [downloadRoute(db)],
    });
    const stallUrl = await listen(stallServer);
    try {
      const table = await stallRun({ db, base: stallUrl.replace(/\/graphql$/, ''), token, seconds });
      console.log(
        `\n(c) Stall run, SQLite, one gateway process: one light query (\`plan { title }\`, anonymous, due every 20 ms, latency counted from when it was due) for ${seconds} s while each heavy request runs in a loop:\n${table}`,
      );
    } finally {
      snapshots.close();
      await snapshots.idle();
      await new Promise((resolve) => stallServer.close(resolve));
    }
  }
  await new Promise((resolve) => hello.close(resolve));
  const [end1, end5] = os.loadavg();
  console.log(`\nload average at the end: ${end1?.toFixed(1)} / ${end5?.toFixed(1)}`);
} finally {
  await closeWorkers();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}
