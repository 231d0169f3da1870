// The GraphQL documents the admin app sends for its main pages, taken from the app's own source so
// the bench follows the app. Exported documents are imported (gql.tada builds a DocumentNode; graphql's
// print() gives the text sent); the unit page keeps its documents inside component files, so those
// are read from the source text (the graphql(`…`) literal assigned to the named constant) and parsed.
// Imports go through a path variable: the gateway's typecheck does not pull in the app's DOM types.
import { readFileSync } from 'node:fs';
import { type DocumentNode, parse, print } from 'graphql';

const ADMIN_SRC = new URL('../../admin/src/', import.meta.url);

async function exported(file: string, name: string): Promise<string> {
  const mod = (await import(new URL(file, ADMIN_SRC).href)) as Record<string, unknown>;
  const doc = mod[name] as DocumentNode | undefined;
  if (!doc?.definitions) throw new Error(`apps/admin/src/${file} exports no document ${name}`);
  return print(doc);
}

function inSource(file: string, name: string): string {
  const text = readFileSync(new URL(file, ADMIN_SRC), 'utf8');
  const m = new RegExp(`const ${name} = graphql\\(\\s*\`([^\`]*)\``).exec(text);
  if (!m?.[1]) throw new Error(`apps/admin/src/${file} has no graphql document ${name}`);
  return print(parse(m[1]));
}

export interface PageVariables {
  readonly planId: string;
  readonly asOf: string;
  /** Relay id of the work item the work item page shows. */
  readonly workItemId: string;
  /** Key of the unit the unit page shows. */
  readonly unitKey: string;
}

export interface PageQuery {
  readonly name: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

/** Every request the overview, the decomposition table, a work item page and a unit page send first. */
export async function adminPageQueries(v: PageVariables): Promise<PageQuery[]> {
  return [
    {
      name: 'overview',
      query: await exported('pages/overview/overview-data.ts', 'OverviewQuery'),
      // As pages/overview/index.tsx asks (an administrator: no unit filter).
      variables: { planId: v.planId, asOf: v.asOf, filter: { statuses: ['NOT_DUE', 'DUE_SOON', 'OVERDUE'] } },
    },
    {
      name: 'decomposition table, rows',
      query: await exported('pages/table/table-data.ts', 'DecompositionTableQuery'),
      variables: { planId: v.planId, asOf: v.asOf, filter: {}, after: null },
    },
    {
      name: 'decomposition table, responsible units',
      query: await exported('pages/table/table-data.ts', 'ResponsibleUnitsQuery'),
      variables: { planId: v.planId, asOf: v.asOf, filter: {}, after: null },
    },
    {
      name: 'work item page',
      query: await exported('pages/work-item/work-item-data.ts', 'WorkItemQuery'),
      variables: { id: v.workItemId, asOf: v.asOf },
    },
    {
      name: 'unit page, unit',
      query: inSource('pages/unit/index.tsx', 'UnitQuery'),
      variables: { key: v.unitKey },
    },
    {
      name: 'unit page, assignments',
      query: inSource('pages/unit/unit-assignments.tsx', 'UnitAssignmentsQuery'),
      variables: { planId: v.planId, asOf: v.asOf, unitKey: v.unitKey, after: null },
    },
  ];
}
