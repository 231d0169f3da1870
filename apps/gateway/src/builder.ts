import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import { scopesOf } from './auth-scopes';
import type { Context } from './context';

/** Limits a query must stay within (see docs/api.md, "Limits"). */
export const LIMITS = {
  depth: 14,
  breadth: 120,
  complexity: 250_000,
  /** Aliased fields per document (60 aliases of one heavy field were the stall). */
  aliases: 30,
  /** Items of any one list in the arguments or variables (`bulkUpdateStatus` takes up to 500). */
  listItems: 500,
  /** Ids of one `nodes(ids:)`. */
  nodeIds: 100,
} as const;
export const MAX_PAGE = 100;

/**
 * The complexity of the computed fields, by what they really cost (the default is 1 per field, ×10
 * per list level): each evaluates the deadlines of a whole plan for its `asOf`, or scores every unit.
 * With the limit of 250,000 a request holds at most 10 `progressSummary`, 2 `assessmentPreview` or
 * 100 whole-plan lists; the full dashboard query (every status of a plan) stays under it.
 */
export const COSTS = {
  /** Every assignment of the plan judged as of the day, then grouped. */
  progressSummary: 24_000,
  /** Every unit of the plan scored with a scheme as of the day. */
  assessmentPreview: 100_000,
  /** `workItems` / `assignments` of a plan: every row filtered (statuses as of the day). */
  planList: 2_500,
  /** One status: the plan's evaluation for the day is shared, the explanation is per row. */
  status: 2,
} as const;

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: {
    /** Signed in with any role. */
    loggedIn: boolean;
    admin: boolean;
    /** ADMIN or ANALYST: reads everything. */
    staff: boolean;
    /** A REPORTER (bound to a unit) or an ADMIN. */
    reporter: boolean;
    /** May write progress on the assignment with this (raw) id: ADMIN, or a REPORTER of its unit. */
    recordsFor: string;
  };
  Scalars: {
    Date: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
  DefaultFieldNullability: false;
}>({
  plugins: [ScopeAuthPlugin, RelayPlugin, ComplexityPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    // The rules live in auth-scopes.ts; `User.can` and `Assignment.viewerCan` read the same ones.
    authScopes: (ctx) => scopesOf(ctx.viewer, ctx.loaders),
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // `nodes(ids:)`: at most LIMITS.nodeIds ids, each id's selection counted in the complexity.
    nodesQueryOptions: {
      complexity: (args: { ids: readonly unknown[] }) => ({ field: 1, multiplier: args.ids.length }),
      resolve: (_root, args, _ctx, _info, resolveNodes) => {
        if (args.ids.length > LIMITS.nodeIds) {
          throw new GraphQLError(
            `一次最多查询${LIMITS.nodeIds}个节点,收到${args.ids.length}个。nodes(ids:) takes at most ${LIMITS.nodeIds} ids, got ${args.ids.length}.`,
            { extensions: { code: 'QUERY_TOO_LARGE', kind: 'NodeIds', limit: LIMITS.nodeIds } },
          );
        }
        return resolveNodes(args.ids);
      },
    },
  },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    limit: { depth: LIMITS.depth, breadth: LIMITS.breadth, complexity: LIMITS.complexity },
    complexityError: (kind, result) => {
      const limit = { Complexity: result.maxComplexity, Depth: result.maxDepth, Breadth: result.maxBreadth }[
        kind
      ];
      const value = { Complexity: result.complexity, Depth: result.depth, Breadth: result.breadth }[kind];
      const zh = { Complexity: '复杂度', Depth: '嵌套深度', Breadth: '字段数' }[kind];
      return new GraphQLError(
        `查询过大:${zh}为${value},上限为${limit}。The query is too large: ${kind.toLowerCase()} ${value}, limit ${limit}.`,
        { extensions: { code: 'QUERY_TOO_LARGE', kind, [kind.toLowerCase()]: value, limit } },
      );
    },
  },
});
