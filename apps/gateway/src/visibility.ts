import type { Prisma } from '@qxg/db';

/**
 * The one visibility rule of the gateway: an anonymous visitor (PUBLIC) sees the plans whose
 * publicity is `PUBLIC` and nothing that belongs to any other plan — its categories, key tasks, work
 * items, assignments, reports, evidence, assessment schemes and runs do not exist for that request.
 * Signed-in users (any role) see every plan.
 *
 * The rule is applied where rows are read: every per-request loader (`loaders.ts`) adds the entity's
 * filter below to its query, and every resolver reaches plan data through a loader (or through a row
 * a loader returned). So `node(id)`, `nodes(ids:)`, `unit.assignments → workItem → keyTask → plan`,
 * `assessment(planId)`, `progressSummary(planId)` and every other path answer alike: the row is
 * missing. The downloads apply {@link mayReadPublicity} to the plan row they read.
 */
export interface VisibleWhere {
  readonly plan: Prisma.PlanWhereInput;
  readonly category: Prisma.CategoryWhereInput;
  readonly keyTask: Prisma.KeyTaskWhereInput;
  readonly workItem: Prisma.WorkItemWhereInput;
  readonly assignment: Prisma.AssignmentWhereInput;
  readonly report: Prisma.ProgressReportWhereInput;
  readonly evidence: Prisma.EvidenceWhereInput;
  readonly scheme: Prisma.AssessmentSchemeWhereInput;
  readonly run: Prisma.AssessmentRunWhereInput;
}

/** Publicity values an anonymous visitor may read. */
const PUBLIC_ONLY: Prisma.PlanWhereInput = { publicity: 'PUBLIC' };

/** No restriction (signed-in readers). */
export const EVERYTHING: VisibleWhere = {
  plan: {},
  category: {},
  keyTask: {},
  workItem: {},
  assignment: {},
  report: {},
  evidence: {},
  scheme: {},
  run: {},
};

/** Only what belongs to a PUBLIC plan (anonymous visitors). */
export const PUBLIC_PLANS_ONLY: VisibleWhere = {
  plan: PUBLIC_ONLY,
  category: { plan: PUBLIC_ONLY },
  keyTask: { plan: PUBLIC_ONLY },
  workItem: { keyTask: { plan: PUBLIC_ONLY } },
  assignment: { workItem: { keyTask: { plan: PUBLIC_ONLY } } },
  report: { assignment: { workItem: { keyTask: { plan: PUBLIC_ONLY } } } },
  evidence: { report: { assignment: { workItem: { keyTask: { plan: PUBLIC_ONLY } } } } },
  scheme: { plan: PUBLIC_ONLY },
  run: { scheme: { plan: PUBLIC_ONLY } },
};

/** The filters for a viewer: `signedIn` is whether the request carries a valid session. */
export function visibleWhere(signedIn: boolean): VisibleWhere {
  return signedIn ? EVERYTHING : PUBLIC_PLANS_ONLY;
}

/** The same rule on a plan row already read (downloads). */
export function mayReadPublicity(signedIn: boolean, publicity: string): boolean {
  return signedIn || publicity === 'PUBLIC';
}
