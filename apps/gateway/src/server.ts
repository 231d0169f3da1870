import type { Db } from '@qxg/db';
import { useContentEncoding } from '@whatwg-node/server';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { type Context, createContextFactory, type GatewaySettings } from './context';
import { usePasswordGate } from './password-gate';
import { useRejectNul } from './reject-nul';
import { useRequestBounds } from './request-bounds';
import { useResultCache } from './response-cache';
import { schema } from './schema';
import type { NodeRequestLike } from './services/client-address';
import type { LoginSecurity } from './services/login';
import { sessionsOfRequests } from './services/sessions';
import { type SnapshotRefresher, useSnapshotRefresh } from './services/status-snapshots';

export interface GatewayOptions {
  readonly db: Db;
  readonly settings?: Partial<GatewaySettings>;
  /** Fixed clock for tests. */
  readonly clock?: () => Date;
  /** GraphiQL at GET /graphql (default true). */
  readonly graphiql?: boolean;
  /**
   * Cache query results until the database changes (default true; `qxg serve` passes
   * `QXG_RESPONSE_CACHE`, on by default on both engines: see response-cache.ts and env.ts).
   */
  readonly responseCache?: boolean;
  /**
   * The largest request body accepted, checked while it streams in (default 25 MB: a plan workbook
   * as base64 fits). Larger requests get 413 with a JSON error.
   */
  readonly maxRequestBodyBytes?: number;
  /** Bytes the result cache may hold (default 64 MiB; `QXG_RESPONSE_CACHE_MB`). */
  readonly responseCacheBytes?: number;
  /** Read the client's address from X-Forwarded-For (`QXG_TRUST_PROXY=1`; default false). */
  readonly trustProxy?: boolean;
  /** Login throttling and password checks (default: a fresh throttle, the real scrypt; tests inject). */
  readonly login?: LoginSecurity;
  /** Refreshes today's status snapshots after each status-changing mutation (`qxg serve` passes one). */
  readonly snapshots?: SnapshotRefresher;
}

/** What yoga's node adapter passes along with each request (`req`: the node request). */
export interface GatewayServerContext {
  readonly req?: NodeRequestLike;
}

export type GatewayYoga = YogaServerInstance<GatewayServerContext, Context>;

/** The GraphQL endpoint: yoga wired to the schema and the request context. Nothing else. */
export function createGatewayYoga(options: GatewayOptions): GatewayYoga {
  const sessionOf = sessionsOfRequests(options.db.prisma);
  const createContext = createContextFactory({
    db: options.db,
    sessionOf,
    settings: { sessionTtlHours: options.settings?.sessionTtlHours ?? 12 },
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.trustProxy ? { trustProxy: true } : {}),
    ...(options.login ? { login: options.login } : {}),
  });
  return createYoga<GatewayServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: options.graphiql ?? true,
    // Unexpected errors are masked ("Unexpected error."); GraphQLErrors we throw pass through.
    maskedErrors: true,
    landingPage: false,
    maxRequestBodySize: options.maxRequestBodyBytes ?? 25_000_000,
    logging: 'warn',
    context: ({ request, req }) => createContext({ request, req }),
    plugins: [
      useRejectNul(),
      useRequestBounds(),
      // A one-time password must be changed before anything else (password-gate.ts).
      usePasswordGate(),
      ...(options.snapshots ? [useSnapshotRefresh(options.snapshots)] : []),
      ...(options.responseCache === false
        ? []
        : [
            useResultCache({
              changes: options.db.changes,
              sessionOf,
              ...(options.responseCacheBytes ? { maxBytes: options.responseCacheBytes } : {}),
              ...(options.clock ? { clock: options.clock } : {}),
            }),
          ]),
      // Last, so the result cache stores (and replays) the plain response: gzip for clients that ask.
      useContentEncoding(),
    ],
  });
}
