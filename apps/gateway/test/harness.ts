// Test support: a gateway on a throwaway database (SQLite or PostgreSQL), queried in-process with
// yoga.fetch; no port is opened.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDb, type Db, type QueryEvent } from '@qxg/db';
import { type ScratchDatabase, TEST_ENGINES, type TestEngine } from '@qxg/db/testing';
import { afterAll, beforeAll } from 'vitest';
import { createHttpServer } from '../src/http';
import { createGatewayYoga, type GatewayYoga } from '../src/server';
import { bootstrap } from '../src/services/bootstrap';
import { downloadRoute } from '../src/services/downloads';
import { createSession } from '../src/services/sessions';

export { TEST_ENGINES, type TestEngine };

/** The SQLite engine (always available): for suites that need not run on both engines. */
export const SQLITE_ENGINE: TestEngine = (() => {
  const sqlite = TEST_ENGINES.find((e) => e.engine === 'sqlite');
  if (!sqlite) throw new Error('no SQLite test engine');
  return sqlite;
})();

// biome-ignore lint/suspicious/noExplicitAny: responses are read as untyped JSON in tests.
export type Json = any;

/** A fixed clock: 2020-09-15 10:00 China time, mid-way through the seed plan's year. */
export const TEST_NOW = new Date('2020-09-15T02:00:00Z');
export const ADMIN_PASSWORD = 'correct horse battery staple';

export interface GqlResult<T = Record<string, unknown>> {
  readonly status: number;
  readonly data?: T;
  readonly errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

export interface TestGateway {
  readonly db: Db;
  readonly yoga: GatewayYoga;
  readonly url: string;
  /** SQL statements counted since the last `resetCount()`. */
  readonly statements: QueryEvent[];
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ): Promise<GqlResult<T>>;
  /** A session token for a user with the role (created on first use). */
  tokenFor(role: 'ADMIN' | 'REPORTER' | 'ANALYST', unitId?: string): Promise<string>;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Load the seed plan (default true). */
  readonly seed?: boolean;
  /** Record every SQL statement in `statements`. */
  readonly countStatements?: boolean;
}

export async function startGateway(engine: TestEngine, options: StartOptions = {}): Promise<TestGateway> {
  const scratch: ScratchDatabase = await engine.createDatabase();
  const statements: QueryEvent[] = [];
  const db = createDb({
    url: scratch.url,
    ...(options.countStatements ? { onQuery: (e: QueryEvent) => statements.push(e) } : {}),
  });
  await bootstrap(db, scratch.url, { seed: options.seed ?? true, adminPassword: ADMIN_PASSWORD });
  const yoga = createGatewayYoga({ db, clock: () => TEST_NOW, graphiql: false });
  const tokens = new Map<string, string>();
  const gateway: TestGateway = {
    db,
    yoga,
    url: scratch.url,
    statements,
    async gql(query, variables, token) {
      const response = await yoga.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GqlResult, 'status'>;
      return { status: response.status, ...body } as GqlResult<never>;
    },
    async tokenFor(role, unitId) {
      const key = `${role}:${unitId ?? ''}`;
      const cached = tokens.get(key);
      if (cached) return cached;
      const username = `${role.toLowerCase()}-${unitId ?? 'x'}`;
      const user = await db.prisma.user.create({
        data: {
          username,
          role,
          unitId: role === 'REPORTER' ? (unitId ?? null) : null,
          passwordHash: 'scrypt$test',
        },
      });
      const { token } = await createSession(db.prisma, user.id, { now: TEST_NOW, ttlHours: 1 });
      tokens.set(key, token);
      return token;
    },
    async close() {
      await db.close();
      await scratch.drop();
    },
  };
  return gateway;
}

/**
 * A gateway for the enclosing `describe`: started in a `beforeAll`, closed in an `afterAll`. Call it
 * first in the suite, so the suite's own hooks run after the start and (hooks run as a stack) before
 * the close. The object returned forwards to the running gateway; use it inside hooks and tests.
 *
 * @example
 * describe('x', () => {
 *   const gw = useGateway(SQLITE_ENGINE);
 *   it('answers', async () => expect((await gw.gql('{ __typename }')).status).toBe(200));
 * });
 */
export function useGateway(engine: TestEngine, options: StartOptions = {}): TestGateway {
  let running: TestGateway | undefined;
  beforeAll(async () => {
    running = await startGateway(engine, options);
  });
  afterAll(async () => {
    await running?.close();
  });
  const live = (): TestGateway => {
    if (!running) throw new Error('the test gateway is not running: use it inside a hook or a test');
    return running;
  };
  return {
    get db() {
      return live().db;
    },
    get yoga() {
      return live().yoga;
    },
    get url() {
      return live().url;
    },
    get statements() {
      return live().statements;
    },
    gql: (query, variables, token) => live().gql(query, variables, token),
    tokenFor: (role, unitId) => live().tokenFor(role, unitId),
    close: () => live().close(),
  };
}

/** Relay global id of a row. */
export function gid(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`).toString('base64');
}

/** Serves a node:http server on a free local port; returns its base URL and a closer. */
export async function listen(server: Server): Promise<{ base: string; close: () => Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The gateway's HTTP server with the download routes, on a free local port for the enclosing
 * `describe` (call it after `useGateway`); read `base` inside hooks and tests.
 */
export function useDownloadServer(gw: TestGateway): { readonly base: string } {
  let served: { base: string; close: () => Promise<void> } | undefined;
  beforeAll(async () => {
    served = await listen(createHttpServer({ yoga: gw.yoga, routes: [downloadRoute(gw.db)] }));
  });
  afterAll(async () => {
    await served?.close();
  });
  return {
    get base() {
      if (!served) throw new Error('the download server is not running: use it inside a hook or a test');
      return served.base;
    },
  };
}
