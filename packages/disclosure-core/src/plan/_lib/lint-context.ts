/**
 * What the parts of `lintPlan` share: the plan, the similarity threshold, unit names, and the
 * sink that collects findings.
 * @internal
 */
import type { LocalizedMessage, SourceLocation } from '../../_lib/result';
import { indexRegistry } from '../../units/_lib/registry-index';
import type { UnitId } from '../../units/unit';
import type { FindingSeverity, PlanFinding, PlanFindingCode } from '../lint-plan';
import type { Plan, WorkItemId } from '../types';

/** The key task and work item a finding concerns. */
export interface Where {
  readonly keyTaskNumber?: number;
  readonly workItemId?: WorkItemId;
}

export interface Lint {
  readonly plan: Plan;
  /** Bigram similarity above which an annex sentence rewords a body sentence. */
  readonly similarity: number;
  readonly findings: PlanFinding[];
  unitName(id: UnitId): string;
  add(
    code: PlanFindingCode,
    severity: FindingSeverity,
    message: LocalizedMessage,
    location: SourceLocation & { path: string },
    where?: Where,
  ): void;
}

export function createLint(plan: Plan, similarity: number): Lint {
  const findings: PlanFinding[] = [];
  return {
    plan,
    similarity,
    findings,
    unitName: (id) => indexRegistry(plan.units).byId.get(id)?.name ?? id,
    add(code, severity, message, location, where = {}) {
      findings.push({ code, severity, message, location, ...where });
    },
  };
}
