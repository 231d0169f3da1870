import type { AssessmentRun } from '@qxg/db';
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

/**
 * Scores a plan's units with a stored scheme as of a day (the core's `scoreUnits`) and stores the
 * run: per-unit results as JSON (the core's `UnitScore` without lines) and every explanation line as
 * a row of `assessment_explanations`.
 */
export async function runAssessment(
  tx: Tx,
  schemeRow: { id: string; planId: string; definition: unknown },
  asOf: string,
): Promise<AssessmentRun> {
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
  const run = await tx.assessmentRun.create({
    data: {
      schemeId: schemeRow.id,
      asOf,
      results: toJson({
        schemeId: result.schemeId,
        asOf: result.asOf,
        classes: result.classes,
        units: result.units.map(({ lines: _lines, ...unit }) => unit),
      }),
    },
  });
  let order = 0;
  const lines = result.units.flatMap((u) =>
    u.lines.map((line) => ({
      runId: run.id,
      unitId: u.unitId as string,
      order: ++order,
      points: line.points,
      text: `${line.message.zh}(${line.message.en})`,
    })),
  );
  for (let i = 0; i < lines.length; i += 500)
    await tx.assessmentExplanation.createMany({ data: lines.slice(i, i + 500) });
  return run;
}
