import { request } from '../../graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '../../graphql/graphql';
import { readAllPages } from '../../graphql/pages';
import { QUERY_KEYS } from '../../graphql/query-keys';

// Two queries so the table paints fast: the rows with their lead units first, then the responsible
// units (collectives expand to dozens of units per row, most of the payload) to fill their column.
export const DecompositionTableQuery = graphql(`
  query DecompositionTable($planId: String!, $asOf: Date, $filter: WorkItemFilter, $after: String) {
    workItems(planId: $planId, asOf: $asOf, filter: $filter, first: 100, after: $after) {
      edges {
        node {
          id
          order
          content
          deadlineText
          dueOn
          status(asOf: $asOf) { status isOverdue workingDaysLeft estimated explanation { zh } }
          keyTask { id number title category { id number title } }
          leads: assignments(role: LEAD, first: 100) {
            edges { node { expandedFrom unit { key name } } }
          }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const ResponsibleUnitsQuery = graphql(`
  query DecompositionTableResponsible($planId: String!, $asOf: Date, $filter: WorkItemFilter, $after: String) {
    workItems(planId: $planId, asOf: $asOf, filter: $filter, first: 100, after: $after) {
      edges {
        node {
          id
          responsible: assignments(role: RESPONSIBLE, first: 100) {
            edges { node { expandedFrom unit { key name } } }
          }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export type TableRow = ResultOf<typeof DecompositionTableQuery>['workItems']['edges'][number]['node'];
export type WorkItemFilter = NonNullable<VariablesOf<typeof DecompositionTableQuery>['filter']>;

/** A unit's duty on a row, as the table shows it. */
export interface UnitDuty {
  readonly expandedFrom: string | null;
  readonly unit: { readonly key: string; readonly name: string };
}

export async function fetchTable(planId: string, asOf: string, filter: WorkItemFilter): Promise<TableRow[]> {
  return readAllPages(
    async (after) => (await request(DecompositionTableQuery, { planId, asOf, filter, after })).workItems,
  );
}

/** Each row's responsible units, by work item id. */
export async function fetchResponsible(
  planId: string,
  asOf: string,
  filter: WorkItemFilter,
): Promise<Map<string, UnitDuty[]>> {
  const rows = await readAllPages(
    async (after) => (await request(ResponsibleUnitsQuery, { planId, asOf, filter, after })).workItems,
  );
  return new Map(rows.map((r) => [r.id, r.responsible.edges.map((e) => e.node)]));
}

/** The table's filter as the page's URL says it (a REPORTER's own unit replaces the unit filter). */
export function filterFromParams(params: URLSearchParams, ownUnit: string | null): WorkItemFilter {
  const list = (key: string) => params.getAll(key).filter((v) => v !== '');
  const f: Record<string, unknown> = {};
  const units = ownUnit ? [ownUnit] : list('unit');
  if (units.length) f.unitIds = units;
  if (list('kind').length) f.unitKinds = list('kind');
  if (list('category').length) f.categoryIds = list('category');
  if (list('status').length) f.statuses = list('status');
  if (params.get('from')) f.dueFrom = params.get('from');
  if (params.get('to')) f.dueTo = params.get('to');
  if (params.get('q')) f.search = params.get('q');
  return f as WorkItemFilter;
}

export const tableQuery = (planKey: string, asOf: string, filter: WorkItemFilter) => ({
  queryKey: [...QUERY_KEYS.table, planKey, asOf, filter] as const,
  queryFn: () => fetchTable(planKey, asOf, filter),
});

export const responsibleQuery = (planKey: string, asOf: string, filter: WorkItemFilter) => ({
  queryKey: [...QUERY_KEYS.tableResponsible, planKey, asOf, filter] as const,
  queryFn: () => fetchResponsible(planKey, asOf, filter),
});

export function leadDuties(row: TableRow): UnitDuty[] {
  return row.leads.edges.map((e) => e.node);
}

export const CategoriesQuery = graphql(`
  query PlanCategories($planId: String!) {
    plan(id: $planId) { id categories { id number title } }
  }
`);

export interface UnitGroup {
  /** A unit's name, or the collective phrase (各乡镇街道) its members were expanded from. */
  readonly label: string;
  readonly duties: readonly UnitDuty[];
}

/**
 * Groups a row's duties of one role for display: units named directly stay one by one, the members
 * of a collective (48 乡镇街道) show as the phrase the plan wrote.
 */
export function groupDuties(duties: readonly UnitDuty[]): UnitGroup[] {
  const groups: UnitGroup[] = [];
  const byPhrase = new Map<string, UnitDuty[]>();
  for (const duty of duties) {
    if (duty.expandedFrom) {
      let list = byPhrase.get(duty.expandedFrom);
      if (!list) {
        list = [];
        byPhrase.set(duty.expandedFrom, list);
        groups.push({ label: duty.expandedFrom, duties: list });
      }
      list.push(duty);
    } else {
      groups.push({ label: duty.unit.name, duties: [duty] });
    }
  }
  return groups;
}
