import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type Db } from '@qxg/db';
import { createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Served, serve, stop } from '../bench/two-processes';
import { type Context, createContextFactory } from '../src/context';
import { useResultCache } from '../src/response-cache';
import { schema } from '../src/schema';
import { createGatewayYoga } from '../src/server';
import { createSession, sessionsOfRequests } from '../src/services/sessions';
import { ADMIN_PASSWORD, type Json, startGateway, TEST_ENGINES, TEST_NOW, type TestGateway } from './harness';

const UNIT_NAME = `query { unit(id: "education-science") { name } }`;
const USERS = `query { users(first: 5) { edges { node { username } } } }`;

async function post(
  yoga: { fetch: (url: string, init: RequestInit) => Promise<Response> | Response },
  query: string,
  token?: string,
  extra: Record<string, unknown> = {},
): Promise<Json> {
  const body = JSON.stringify({ query, ...extra });
  const response = await yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body,
  });
  return response.json();
}

for (const engine of TEST_ENGINES) {
  describe.skipIf(engine.skipReason !== null)(`the result cache on ${engine.engine}`, () => {
    let gw: TestGateway;
    let other: Db;

    beforeAll(async () => {
      gw = await startGateway(engine);
      other = createDb({ url: gw.url });
    }, 120_000);
    afterAll(async () => {
      await other?.close();
      await gw?.close();
    });

    /** A gateway with its own clock and a cache whose contents the test can see. */
    function cachedGateway(clock: () => Date, maxBytes?: number) {
      const sessionOf = sessionsOfRequests(gw.db.prisma);
      const cache = useResultCache({
        changes: gw.db.changes,
        sessionOf,
        clock,
        ...(maxBytes ? { maxBytes } : {}),
      });
      const createContext = createContextFactory({
        db: gw.db,
        settings: { sessionTtlHours: 1 },
        clock,
        sessionOf,
      });
      const yoga = createYoga<Record<string, never>, Context>({
        schema,
        maskedErrors: true,
        logging: false,
        context: ({ request }) => createContext({ request }),
        plugins: [cache],
      });
      return { yoga, cache };
    }

    it('answers an expired session as an anonymous visitor, even for a query it answered before', async () => {
      let now = TEST_NOW;
      const { yoga, cache } = cachedGateway(() => now);
      const admin = await gw.db.prisma.user.findFirstOrThrow({ where: { role: 'ADMIN' } });
      const { token } = await createSession(gw.db.prisma, admin.id, { now, ttlHours: 1 });
      const first = await post(yoga, USERS, token);
      expect(first.data.users.edges.length).toBeGreaterThan(0);
      expect((await post(yoga, USERS, token)).data).toEqual(first.data);
      expect(cache.stats().entries).toBeGreaterThan(0);
      // Two hours later, the same China day: the session has expired; the header is unchanged.
      now = new Date(TEST_NOW.getTime() + 2 * 3_600_000);
      const after = await post(yoga, USERS, token);
      expect(after.data?.users ?? null).toBeNull();
      expect(after.errors?.length).toBeGreaterThan(0);
    });

    it('sees a write made through another connection in the very next read', async () => {
      const { yoga } = cachedGateway(() => TEST_NOW);
      const before = (await post(yoga, UNIT_NAME)).data.unit.name as string;
      expect((await post(yoga, UNIT_NAME)).data.unit.name).toBe(before);
      await other.prisma.unit.update({
        where: { id: 'education-science' },
        data: { canonicalName: '区教育局(缓存测试)' },
      });
      expect((await post(yoga, UNIT_NAME)).data.unit.name).toBe('区教育局(缓存测试)');
      await other.prisma.unit.update({ where: { id: 'education-science' }, data: { canonicalName: before } });
      expect((await post(yoga, UNIT_NAME)).data.unit.name).toBe(before);
    });

    it('holds at most its byte budget, dropping the oldest responses first', async () => {
      const { yoga, cache } = cachedGateway(() => TEST_NOW, 40_000);
      for (let i = 0; i < 40; i++) {
        const r = await post(yoga, `query Q${i} { units(first: 20) { edges { node { id name } } } }`);
        expect(r.errors).toBeUndefined();
      }
      const { entries, bytes } = cache.stats();
      expect(bytes).toBeLessThanOrEqual(40_000);
      expect(entries).toBeGreaterThan(0);
      expect(entries).toBeLessThan(40);
    });

    it('never reads a large request body for the cache, and still answers it', async () => {
      const { yoga, cache } = cachedGateway(() => TEST_NOW);
      const padding = ' '.repeat(100_000);
      const r = await post(yoga, `${UNIT_NAME}${padding}`);
      expect(r.data.unit.name).toBeTruthy();
      expect(cache.stats().entries).toBe(0);
    });

    it('is on in the gateway by default and forgets on a mutation of its own', async () => {
      const yoga = createGatewayYoga({ db: gw.db, clock: () => TEST_NOW, graphiql: false });
      const token = await gw.tokenFor('ADMIN');
      const before = (await post(yoga, UNIT_NAME)).data.unit.name as string;
      const renamed = await post(
        yoga,
        `mutation { upsertUnit(input: { id: "education-science", kind: DEPARTMENT, name: "区教育科技局(改)" }) { unit { name } userErrors { code } } }`,
        token,
      );
      expect(renamed.data.upsertUnit.userErrors).toEqual([]);
      expect((await post(yoga, UNIT_NAME)).data.unit.name).toBe('区教育科技局(改)');
      await other.prisma.unit.update({ where: { id: 'education-science' }, data: { canonicalName: before } });
    });
  });
}

// Two real `qxg serve` processes on one database (bench/two-processes.ts starts them), each with
// its cache on (the default).
async function http(url: string, query: string, token?: string): Promise<Json> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return response.json();
}

for (const engine of TEST_ENGINES) {
  describe.skipIf(engine.skipReason !== null)(
    `two gateway processes on one ${engine.engine} database`,
    () => {
      let dir: string;
      let scratch: Awaited<ReturnType<typeof engine.createDatabase>>;
      const served: Served[] = [];

      beforeAll(async () => {
        dir = mkdtempSync(join(tmpdir(), 'qxg-two-'));
        scratch = await engine.createDatabase();
        // The first start migrates and seeds; the second joins a ready database.
        const env = {
          DATABASE_URL: scratch.url,
          NODE_ENV: process.env.NODE_ENV ?? 'test',
          QXG_ADMIN_PASSWORD: ADMIN_PASSWORD,
          QXG_ADMIN_DIST: join(tmpdir(), 'qxg-no-admin-build'),
        };
        served.push(await serve(env));
        served.push(await serve(env));
      }, 180_000);
      afterAll(async () => {
        await stop(served);
        await scratch?.drop();
        rmSync(dir, { recursive: true, force: true });
      });

      it('reads every write of the other process at once: 0 stale reads in 20 interleaved rounds', async () => {
        const [a, b] = served as [Served, Served];
        expect(a.output()).toContain('result cache on');
        const login = await http(
          a.url,
          `mutation { login(input: { username: "admin", password: "${ADMIN_PASSWORD}" }) { token } }`,
        );
        const token = login.data.login.token as string;
        let stale = 0;
        for (let i = 0; i < 20; i++) {
          const [writer, reader] = i % 2 === 0 ? [a, b] : [b, a];
          // Warm the reader's cache with the current value first.
          await http(reader.url, UNIT_NAME);
          await http(reader.url, UNIT_NAME);
          const name = `区教育科技局-${i}`;
          const w = await http(
            writer.url,
            `mutation { upsertUnit(input: { id: "education-science", kind: DEPARTMENT, name: "${name}" }) { userErrors { code } } }`,
            token,
          );
          expect(w.data.upsertUnit.userErrors).toEqual([]);
          const r = await http(reader.url, UNIT_NAME);
          if (r.data.unit.name !== name) stale++;
        }
        expect(stale).toBe(0);
      }, 120_000);
    },
  );
}
