import { request } from '../../graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '../../graphql/graphql';
import { readAllPages } from '../../graphql/pages';

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
          status(asOf: $asOf) { status isOverdue workingDaysLeft explanation { zh } }
          keyTask { id number title category { id number title } }
          assignments(first: 100) {
            edges {
              node {
                id
                role
                expandedFrom
                unit { id key name kind }
                status(asOf: $asOf) { status }
              }
            }
          }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export type TableRow = ResultOf<typeof DecompositionTableQuery>['workItems']['edges'][number]['node'];
export type WorkItemFilter = NonNullable<VariablesOf<typeof DecompositionTableQuery>['filter']>;

export async function fetchTable(planId: string, asOf: string, filter: WorkItemFilter): Promise<TableRow[]> {
  return readAllPages(
    async (after) => (await request(DecompositionTableQuery, { planId, asOf, filter, after })).workItems,
  );
}

export const CategoriesQuery = graphql(`
  query PlanCategories($planId: String!) {
    plan(id: $planId) { id categories { id number title } }
  }
`);

export const UnitOptionsQuery = graphql(`
  query UnitOptions($after: String) {
    units(first: 100, after: $after) {
      edges { node { id key name kind } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export type UnitOption = ResultOf<typeof UnitOptionsQuery>['units']['edges'][number]['node'];

export async function fetchUnits(): Promise<UnitOption[]> {
  return readAllPages(async (after) => (await request(UnitOptionsQuery, { after })).units);
}

type Assignment = TableRow['assignments']['edges'][number]['node'];

export interface UnitGroup {
  /** A unit's name, or the collective phrase (各乡镇街道) its members were expanded from. */
  readonly label: string;
  readonly assignments: readonly Assignment[];
}

/**
 * Groups a row's assignments of one role for display: units named directly stay one by one, the
 * members of a collective (48 乡镇街道) show as the phrase the plan wrote.
 */
export function groupAssignments(row: TableRow, role: 'LEAD' | 'RESPONSIBLE'): UnitGroup[] {
  const groups: UnitGroup[] = [];
  const byPhrase = new Map<string, Assignment[]>();
  for (const { node } of row.assignments.edges) {
    if (node.role !== role) continue;
    if (node.expandedFrom) {
      let list = byPhrase.get(node.expandedFrom);
      if (!list) {
        list = [];
        byPhrase.set(node.expandedFrom, list);
        groups.push({ label: node.expandedFrom, assignments: list });
      }
      list.push(node);
    } else {
      groups.push({ label: node.unit.name, assignments: [node] });
    }
  }
  return groups;
}
