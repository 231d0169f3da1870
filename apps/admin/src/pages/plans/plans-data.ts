import { request } from '../../graphql/client';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { QUERY_KEYS } from '../../graphql/query-keys';
import { UserErrorFields } from '../../graphql/user-errors';

/** Every plan, the withdrawn ones too, with the plan each follows. */
export const AllPlansQuery = graphql(`
  query AllPlans {
    plans(first: 100, includeArchived: true) {
      edges {
        node { id key title docNumber year issuedOn archived archivedAt previousPlan { key docNumber } }
      }
    }
  }
`);

export type PlanRow = ResultOf<typeof AllPlansQuery>['plans']['edges'][number]['node'];

export const allPlansQuery = {
  queryKey: [...QUERY_KEYS.planAdmin, 'all'],
  queryFn: async () => (await request(AllPlansQuery)).plans.edges.map((e) => e.node),
};

export const NextPlanDraftQuery = graphql(`
  query NextPlanDraft($planId: String!) {
    plan(id: $planId) {
      key
      nextPlanDraft {
        previousPlanId year docNumberPrefix issuedOn title issuer
        carryOver { workItemId keyTaskNumber keyTaskTitle order content deadlineText leadUnitsText }
      }
    }
  }
`);

export type NextPlanDraft = NonNullable<
  NonNullable<ResultOf<typeof NextPlanDraftQuery>['plan']>['nextPlanDraft']
>;

export function nextPlanDraftQuery(planId: string) {
  return {
    queryKey: [...QUERY_KEYS.planAdmin, 'draft', planId],
    queryFn: async () => (await request(NextPlanDraftQuery, { planId })).plan?.nextPlanDraft ?? null,
  };
}

export const ArchivePlanMutation = graphql(
  `
  mutation ArchivePlan($planId: String!) {
    archivePlan(planId: $planId) { plan { key archived } userErrors { ...UserErrorFields } }
  }
`,
  [UserErrorFields],
);

export const UnarchivePlanMutation = graphql(
  `
  mutation UnarchivePlan($planId: String!) {
    unarchivePlan(planId: $planId) { plan { key archived } userErrors { ...UserErrorFields } }
  }
`,
  [UserErrorFields],
);

/** The import page's address for the next year's plan: 文号, 成文日期 and the rest prefilled. */
export function nextPlanImportPath(draft: NextPlanDraft, carry: readonly string[]): string {
  const params = new URLSearchParams({
    previous: draft.previousPlanId,
    docNumber: draft.docNumberPrefix,
    issuedOn: draft.issuedOn,
    year: String(draft.year),
    title: draft.title,
    issuer: draft.issuer,
  });
  if (carry.length > 0) params.set('carry', carry.join(','));
  return `/import?${params.toString()}`;
}

/** What the import page reads back from {@link nextPlanImportPath}'s parameters. */
export function nextPlanFromParams(params: URLSearchParams): {
  readonly previousPlanId: string | null;
  readonly carryOver: readonly string[];
  readonly metadata: Readonly<Record<string, string | number>>;
} {
  const metadata: Record<string, string | number> = {};
  for (const key of ['docNumber', 'issuedOn', 'title', 'issuer'] as const) {
    const v = params.get(key);
    if (v) metadata[key] = v;
  }
  const year = Number(params.get('year'));
  if (Number.isInteger(year) && year >= 2000 && year <= 2100) metadata.year = year;
  const carry = params.get('carry');
  return {
    previousPlanId: params.get('previous'),
    carryOver: carry ? carry.split(',').filter((c) => c !== '') : [],
    metadata,
  };
}
