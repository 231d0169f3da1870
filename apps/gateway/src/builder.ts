import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { scopesOf } from './auth-scopes';
import type { Context } from './context';

/** Limits a query must stay within (see docs/api.md, "Limits"). */
export const LIMITS = { depth: 14, breadth: 120, complexity: 250_000 } as const;
export const MAX_PAGE = 100;

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
  relay: { clientMutationId: 'omit', cursorType: 'String' },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    limit: { depth: LIMITS.depth, breadth: LIMITS.breadth, complexity: LIMITS.complexity },
  },
});
