import { request } from '../../graphql/client';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { readAllPages } from '../../graphql/pages';
import { QUERY_KEYS } from '../../graphql/query-keys';

const RegistryQuery = graphql(`
  query UnitRegistry($after: String, $search: String) {
    units(first: 100, after: $after, search: $search) {
      edges { node { id key name kind aliases parent { key name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const RegistryProblemsQuery = graphql(`
  query UnitRegistryProblems { unitRegistryProblems { code path message { zh } } }
`);

export type RegistryUnit = ResultOf<typeof RegistryQuery>['units']['edges'][number]['node'];

/**
 * The registry with aliases and parents; with `search`, the gateway's search (name, alias, id or
 * abbreviation, best matches first), so the page finds what the API finds.
 */
export function registryQuery(search: string) {
  return {
    queryKey: [...QUERY_KEYS.units, 'registry', search],
    queryFn: () =>
      readAllPages(async (after) => (await request(RegistryQuery, { after, search: search || null })).units),
  };
}

export const registryProblemsQuery = {
  queryKey: [...QUERY_KEYS.units, 'problems'],
  queryFn: async () => (await request(RegistryProblemsQuery)).unitRegistryProblems,
};
