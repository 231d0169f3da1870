import type { Db } from '@qxg/db';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { type Context, createContextFactory, type GatewaySettings } from './context';
import { useResultCache } from './response-cache';
import { schema } from './schema';

export interface GatewayOptions {
  readonly db: Db;
  readonly settings?: Partial<GatewaySettings>;
  /** Fixed clock for tests. */
  readonly clock?: () => Date;
  /** GraphiQL at GET /graphql (default true). */
  readonly graphiql?: boolean;
  /**
   * Cache query results until this process's next mutation (default true here; `qxg serve` passes
   * `QXG_RESPONSE_CACHE`, whose default is on for SQLite and off for PostgreSQL: see env.ts).
   */
  readonly responseCache?: boolean;
}

export type GatewayYoga = YogaServerInstance<Record<string, never>, Context>;

/** The GraphQL endpoint: yoga wired to the schema and the request context. Nothing else. */
export function createGatewayYoga(options: GatewayOptions): GatewayYoga {
  const createContext = createContextFactory({
    db: options.db,
    settings: { sessionTtlHours: options.settings?.sessionTtlHours ?? 12 },
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return createYoga<Record<string, never>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: options.graphiql ?? true,
    // Unexpected errors are masked ("Unexpected error."); GraphQLErrors we throw pass through.
    maskedErrors: true,
    landingPage: false,
    logging: 'warn',
    context: ({ request }) => createContext({ request }),
    plugins:
      options.responseCache === false ? [] : [useResultCache(options.clock ? { clock: options.clock } : {})],
  });
}
