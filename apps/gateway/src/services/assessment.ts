import type { AssessmentRun, Prisma } from '@qxg/db';
import {
  type AssessmentScheme,
  type ManualScore as CoreManualScore,
  qixingguan2020,
  qixingguan2020Assessment,
  type SchemeIssue,
  scoreUnits,
  validateScheme,
} from '@qxg/disclosure-core';
import { type Tx, toJson } from './audit';
import { calendarIn } from './calendar';
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
  readonly lines: readonly {
    unitId: string;
    order: number;
    points: number;
    text: string;
    textEn: string;
    indicatorId: string;
  }[];
  /** The newest report, event or manual score write the scoring read (null: none). */
  readonly dataUpTo: Date | null;
}

/** The scheme's manual scores in the core's shape, the assessor being who entered them. */
async function coreManualScores(tx: Tx, schemeId: string): Promise<CoreManualScore[]> {
  const rows = await tx.manualScore.findMany({
    where: { schemeId },
    include: { enteredBy: { select: { username: true } } },
    orderBy: { updatedAt: 'asc' },
  });
  return rows.map((m) => ({
    unitId: m.unitId as CoreManualScore['unitId'],
    indicatorId: m.indicatorId,
    points: m.points,
    reason: m.reason,
    ...(m.enteredBy ? { assessor: m.enteredBy.username } : {}),
  }));
}

/**
 * The newest write among what a scoring of the plan with the scheme reads: the plan's reports,
 * every outside event and the scheme's manual scores.
 */
export async function newestDataWrite(tx: Tx, planId: string, schemeId: string): Promise<Date | null> {
  const [reports, events, manual] = await Promise.all([
    tx.progressReport.aggregate({
      _max: { createdAt: true },
      where: { assignment: { workItem: { keyTask: { planId } } } },
    }),
    tx.outsideEvent.aggregate({ _max: { updatedAt: true } }),
    tx.manualScore.aggregate({ _max: { updatedAt: true }, where: { schemeId } }),
  ]);
  const dates = [reports._max.createdAt, events._max.updatedAt, manual._max.updatedAt].filter(
    (d): d is Date => d instanceof Date,
  );
  return dates.length === 0 ? null : new Date(Math.max(...dates.map((d) => d.getTime())));
}

/** Audit actions that remove what a scoring read (a removal leaves no newer row behind). */
export const DATA_REMOVALS = ['deleteEvent', 'clearManualScore'] as const;

/**
 * True when a stored run no longer shows what the data says: a report, event or manual score was
 * written after the newest one it counted, or an event or manual score was removed after it ran.
 */
export async function isRunStale(
  tx: Tx,
  run: Pick<AssessmentRun, 'schemeId' | 'dataUpTo' | 'createdAt'>,
  planId: string,
): Promise<boolean> {
  const [newest, removal] = await Promise.all([
    newestDataWrite(tx, planId, run.schemeId),
    tx.auditEntry.findFirst({
      where: { action: { in: [...DATA_REMOVALS] }, at: { gt: run.createdAt } },
      select: { id: true },
    }),
  ]);
  if (removal) return true;
  if (newest === null) return false;
  return run.dataUpTo === null || newest.getTime() > run.dataUpTo.getTime();
}

/**
 * Scores a plan's units with a scheme as of a day (the core's `scoreUnits`), with the scheme's
 * manual scores; reads only. Each explanation line is stored with its indicator and both
 * languages (see ./explanation.ts).
 */
export async function scoreAssessment(
  tx: Tx,
  schemeRow: { id: string; planId: string; definition: unknown },
  asOf: string,
): Promise<ScoredAssessment> {
  const plan = await loadCorePlan(tx, schemeRow.planId);
  if (!plan) throw new Error(`plan ${schemeRow.planId} missing`);
  const [reports, events, calendar, manualScores, dataUpTo] = await Promise.all([
    loadCoreReports(tx, schemeRow.planId),
    tx.outsideEvent.findMany({ orderBy: { occurredOn: 'asc' } }),
    calendarIn(tx),
    coreManualScores(tx, schemeRow.id),
    newestDataWrite(tx, schemeRow.planId, schemeRow.id),
  ]);
  const result = scoreUnits(plan, {
    scheme: schemeRow.definition as AssessmentScheme,
    reports,
    events: toCoreEvents(events),
    manualScores,
    asOf,
    calendar,
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
        text: line.message.zh,
        textEn: line.message.en,
        indicatorId: line.indicatorId,
      })),
    ),
    dataUpTo,
  };
}

/**
 * Scores a plan's units with a stored scheme as of a day ({@link scoreAssessment}) and stores the
 * run: per-unit results as JSON (the core's `UnitScore` without lines), every explanation line as
 * a row of `assessment_explanations`, and the newest data write it counted (`data_up_to`).
 */
export async function runAssessment(
  tx: Tx,
  schemeRow: { id: string; planId: string; definition: unknown },
  asOf: string,
): Promise<AssessmentRun> {
  const scored = await scoreAssessment(tx, schemeRow, asOf);
  const run = await tx.assessmentRun.create({
    data: { schemeId: schemeRow.id, asOf, results: scored.results, dataUpTo: scored.dataUpTo },
  });
  const lines = scored.lines.map((line) => ({ runId: run.id, ...line }));
  for (let i = 0; i < lines.length; i += 500)
    await tx.assessmentExplanation.createMany({ data: lines.slice(i, i + 500) });
  return run;
}
