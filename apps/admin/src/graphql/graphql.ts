import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './generated/graphql-env';

/**
 * Typed GraphQL documents, checked against the gateway's checked-in `apps/gateway/schema.graphql`
 * (`pnpm --filter @qxg/admin generate` writes the introspection types).
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { Date: string; DateTime: string; JSON: unknown; ID: string };
  disableMasking: true;
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';
