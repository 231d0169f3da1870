// Test support: a gateway on a throwaway database (SQLite or PostgreSQL), queried in-process with
// yoga.fetch; no port is opened.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDb, type Db, type QueryEvent } from '@qxg/db';
import { type ScratchDatabase, TEST_ENGINES, type TestEngine } from '@qxg/db/testing';
import { createGatewayYoga, type GatewayYoga } from '../src/server';
import { bootstrap } from '../src/services/bootstrap';
import { createSession } from '../src/services/sessions';

export { TEST_ENGINES, type TestEngine };

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

export async function startGateway(
  engine: TestEngine,
  options: { seed?: boolean; countStatements?: boolean } = {},
): Promise<TestGateway> {
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
