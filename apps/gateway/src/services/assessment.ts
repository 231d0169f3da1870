import type { AssessmentRun, Prisma } from '@qxg/db';
import {
  type AssessmentScheme,
  qixingguan2020,
  qixingguan2020Assessment,
  type SchemeIssue,
  scoreUnits,
  validateScheme,
} from '@qxg/disclosure-core';
import { type Tx, toJson } from './audit';
import { loadCorePlan, loadCoreReports, toCoreEvents } from './core-plan';

/** The assessment scheme a seeded plan comes with, if any. */
export function defaultSchemeOf(planId: string): AssessmentScheme | null {
  return planId === qixingguan2020.id ? qixingguan2020Assessment : null;
}

export function checkScheme(
  definition: unknown,
): { ok: true; scheme: AssessmentScheme } | { ok: false; issues: readonly SchemeIssue[] } {
  const checked = validateScheme(definition as AssessmentScheme);
  return checked.ok
    ? { ok: true, scheme: definition as AssessmentScheme }
    : { ok: false, issues: checked.issues };
}

/** What scoring a plan with a scheme as of a day gives, before anything is stored. */
export interface ScoredAssessment {
  /** Per unit: the core's `UnitScore` without its lines, with the classes and the day. */
  readonly results: Prisma.InputJsonValue;
  readonly lines: readonly { unitId: string; order: number; points: number; text: string }[];
}

/**
 * Scores a plan's units with a scheme as of a day (the core's `scoreUnits`); reads only. Each
 * explanation line's text is its Chinese sentence with the English one in brackets.
 */
export async function scoreAssessment(
  tx: Tx,
  schemeRow: { planId: string; definition: unknown },
  asOf: string,
): Promise<ScoredAssessment> {
  const plan = await loadCorePlan(tx, schemeRow.planId);
  if (!plan) throw new Error(`plan ${schemeRow.planId} missing`);
  const [reports, events] = await Promise.all([
    loadCoreReports(tx, schemeRow.planId),
    tx.outsideEvent.findMany({ orderBy: { occurredOn: 'asc' } }),
  ]);
  const result = scoreUnits(plan, {
    scheme: schemeRow.definition as AssessmentScheme,
    reports,
    events: toCoreEvents(events),
    asOf,
  });
  let order = 0;
  return {
    results: toJson({
      schemeId: result.schemeId,
      asOf: result.asOf,
      classes: result.classes,
      // Dates past the work calendar are estimated (weekends only) and flagged, per unit and overall.
      estimated: result.estimated,
      units: result.units.map(({ lines: _lines, ...unit }) => unit),
    }),
    lines: result.units.flatMap((u) =>
      u.lines.map((line) => ({
        unitId: u.unitId as string,
        order: ++order,
        points: line.points,
        text: `${line.message.zh}(${line.message.en})`,
      })),
    ),
  };
}

/**
 * Scores a plan's units with a stored scheme as of a day ({@link scoreAssessment}) and stores the
 * run: per-unit results as JSON (the core's `UnitScore` without lines) and every explanation line as
 * a row of `assessment_explanations`.
 */
export async function runAssessment(
  tx: Tx,
  schemeRow: { id: string; planId: string; definition: unknown },
  asOf: string,
): Promise<AssessmentRun> {
  const scored = await scoreAssessment(tx, schemeRow, asOf);
  const run = await tx.assessmentRun.create({
    data: { schemeId: schemeRow.id, asOf, results: scored.results },
  });
  const lines = scored.lines.map((line) => ({ runId: run.id, ...line }));
  for (let i = 0; i < lines.length; i += 500)
    await tx.assessmentExplanation.createMany({ data: lines.slice(i, i + 500) });
  return run;
}
