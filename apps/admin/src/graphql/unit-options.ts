import { request } from './client';
import { graphql, type ResultOf } from './graphql';
import { readAllPages } from './pages';
import { QUERY_KEYS } from './query-keys';

const UnitOptionsQuery = graphql(`
  query UnitOptions($after: String) {
    units(first: 100, after: $after) {
      edges { node { id key name kind aliases } }
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

/**
 * Units as Select options: the unit's key, labelled with its name, searchable by its name and every
 * alias (教科局 finds 区教育科技局), with {@link UNIT_SEARCH} as the Select's `showSearch`.
 */
export function unitSelectOptions(units: readonly UnitOption[] | undefined) {
  return (units ?? []).map((u) => ({
    value: u.key,
    label: u.name,
    search: [u.name, ...u.aliases].join(' '),
  }));
}

/** A Select's `showSearch` that matches an option's `search` text (a unit's names), else its label. */
export const UNIT_SEARCH = {
  filterOption: (input: string, option?: { readonly label?: unknown; readonly search?: string }) =>
    (option?.search ?? String(option?.label ?? '')).toLowerCase().includes(input.trim().toLowerCase()),
};
