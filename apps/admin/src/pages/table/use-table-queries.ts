import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { request } from '../../graphql/client';
import { QUERY_KEYS } from '../../graphql/query-keys';
import { unitsQuery } from '../../graphql/unit-options';
import { CategoriesQuery, responsibleQuery, tableQuery, type WorkItemFilter } from './table-data';

/**
 * The table's data: its rows first; the responsible units and the filters' options once the rows
 * are in, so they do not compete with them for the first paint.
 */
export function useTableQueries(
  planKey: string,
  asOf: string,
  filter: WorkItemFilter,
  ownUnit: string | null,
) {
  const rows = useQuery({ ...tableQuery(planKey, asOf, filter), placeholderData: keepPreviousData });
  const responsible = useQuery({
    ...responsibleQuery(planKey, asOf, filter),
    placeholderData: keepPreviousData,
    enabled: rows.data !== undefined,
  });
  const units = useQuery({ ...unitsQuery, enabled: !ownUnit && rows.data !== undefined });
  const categories = useQuery({
    queryKey: [...QUERY_KEYS.categories, planKey],
    queryFn: async () => (await request(CategoriesQuery, { planId: planKey })).plan?.categories ?? [],
    staleTime: 10 * 60_000,
    enabled: rows.data !== undefined,
  });
  return { rows, responsible, units, categories };
}
