import { request } from './client';
import { graphql, type ResultOf } from './graphql';
import { readAllPages } from './pages';
import { QUERY_KEYS } from './query-keys';

const UnitOptionsQuery = graphql(`
  query UnitOptions($after: String) {
    units(first: 100, after: $after) {
      edges { node { id key name kind } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export type UnitOption = ResultOf<typeof UnitOptionsQuery>['units']['edges'][number]['node'];

/** Every unit of the registry (the unit list, the filters and the forms' unit pickers). */
export const unitsQuery = {
  queryKey: QUERY_KEYS.units,
  queryFn: (): Promise<UnitOption[]> =>
    readAllPages(async (after) => (await request(UnitOptionsQuery, { after })).units),
  staleTime: 10 * 60_000,
};

/** Units as Select options: the unit's key, labelled with its name. */
export function unitSelectOptions(units: readonly UnitOption[] | undefined) {
  return (units ?? []).map((u) => ({ value: u.key, label: u.name }));
}
