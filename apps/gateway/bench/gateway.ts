// `pnpm bench:gateway`: autocannon against the gateway (in-process HTTP server on 127.0.0.1, SQLite
// seed) and against a bare graphql-yoga hello-world in the same run, 50 connections each.
// QXG_BENCH_SECONDS (default 10) bounds each run.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createDb } from '@qxg/db';
import { TEST_ENGINES } from '@qxg/db/testing';
import autocannon from 'autocannon';
import { createSchema, createYoga } from 'graphql-yoga';
import { readBenchEnv } from '../src/env';
import { createHttpServer } from '../src/http';
import { createGatewayYoga } from '../src/server';
import { bootstrap } from '../src/services/bootstrap';
import { DASHBOARD } from '../test/dashboard-query';
import { type Served, serve, spread, stop } from './two-processes';

const { seconds } = readBenchEnv();
const CONNECTIONS = 50;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

interface Figures {
  readonly name: string;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

async function run(
  name: string,
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Figures> {
  const body = JSON.stringify({ query, variables });
  const probe = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const json = (await probe.json()) as { errors?: unknown };
  if (json.errors) throw new Error(`${name}: ${JSON.stringify(json.errors)}`);
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: CONNECTIONS,
    duration: seconds,
  });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'qxg-bench-'));
const url = `file:${path.join(dir, 'bench.db')}`;
const db = createDb({ url });
try {
  await bootstrap(db, url, { seed: true, adminPassword: 'bench-password' });
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
  const item = await db.prisma.workItem.findFirstOrThrow({ orderBy: { id: 'asc' } });
  const itemId = Buffer.from(`WorkItem:${item.id}`).toString('base64');
  const SINGLE = `query($id: ID!) { node(id: $id) { ... on WorkItem { content deadlineText dueOn
    status(asOf: "2020-09-15") { status dueOn isOverdue workingDaysLeft explanation { zh } }
    assignments(first: 100) { edges { node { role unit { name } status(asOf: "2020-09-15") { status } } } } } } }`;

  console.log(
    `gateway bench: ${CONNECTIONS} connections, ${seconds} s per run, node ${process.version}, SQLite seed (31 items)`,
  );
  const figures = [
    await run('bare yoga hello-world', helloUrl, '{ hello }'),
    await run('dashboard (seed plan)', gatewayUrl, DASHBOARD, {
      planId: 'qixingguan-2020',
      asOf: '2020-09-15',
    }),
    await run('single work item', gatewayUrl, SINGLE, { id: itemId }),
    await run('dashboard, result cache off', uncachedUrl, DASHBOARD, {
      planId: 'qixingguan-2020',
      asOf: '2020-09-15',
    }),
    await run('single work item, result cache off', uncachedUrl, SINGLE, { id: itemId }),
  ];
  const bare = figures[0]?.rps ?? 1;
  console.log('| query | req/s | p50 ms | p99 ms | vs bare | errors |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const f of figures) {
    console.log(
      `| ${f.name} | ${f.rps.toFixed(0)} | ${f.p50} | ${f.p99} | ${((f.rps / bare) * 100).toFixed(1)}% | ${f.errors} |`,
    );
  }
  await new Promise((resolve) => gateway.close(resolve));
  await new Promise((resolve) => uncached.close(resolve));

  // PostgreSQL, two `qxg serve` processes sharing the database, connections spread over both.
  const postgres = TEST_ENGINES.find((e) => e.engine === 'postgresql');
  if (!postgres || postgres.skipReason !== null) {
    console.log(`\nPostgreSQL, two processes: skipped (${postgres?.skipReason ?? 'no engine'})`);
  } else {
    const scratch = await postgres.createDatabase();
    try {
      const rows: string[] = [];
      for (const cache of ['on', 'off'] as const) {
        const env = {
          DATABASE_URL: scratch.url,
          QXG_RESPONSE_CACHE: cache,
          QXG_ADMIN_PASSWORD: 'bench-password-1',
        };
        const first = await serve(env);
        const served: Served[] = [first, await serve(env)];
        try {
          const urls = served.map((s) => s.url);
          const coldStart = performance.now();
          await fetch(urls[1] ?? '', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: SINGLE, variables: { id: itemId } }),
          });
          const coldMs = performance.now() - coldStart;
          const bodies: [string, string][] = [
            ['single work item', JSON.stringify({ query: SINGLE, variables: { id: itemId } })],
            [
              'dashboard (seed plan)',
              JSON.stringify({
                query: DASHBOARD,
                variables: { planId: 'qixingguan-2020', asOf: '2020-09-15' },
              }),
            ],
          ];
          for (const [name, body] of bodies) {
            const f = await spread(urls, body, CONNECTIONS, seconds);
            rows.push(
              `| ${name}, cache ${cache} | ${f.rps.toFixed(0)} | ${f.p50} | ${f.p99} | ${((f.rps / bare) * 100).toFixed(1)}% | ${f.errors} |`,
            );
          }
          rows.push(
            `| (first request after start, cache ${cache}: ${coldMs.toFixed(0)} ms; start ${served.map((s) => s.startMs.toFixed(0)).join(' / ')} ms) | | | | | |`,
          );
        } finally {
          await stop(served);
        }
      }
      console.log('\nPostgreSQL, two gateway processes, connections spread over both:');
      console.log('| query | req/s | p50 ms | p99 ms | vs bare | errors |');
      console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
      for (const row of rows) console.log(row);
    } finally {
      await scratch.drop();
    }
  }
  await new Promise((resolve) => hello.close(resolve));
} finally {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}
