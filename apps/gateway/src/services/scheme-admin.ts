// The office's work on assessment schemes: manual scores (人工评分) per unit and indicator, copying
// a scheme to another plan, and the scheme an imported plan starts with. Each write is audited in
// the caller's transaction.
import type { ManualScoreModel as ManualScore, AssessmentScheme as SchemeRow } from '@qxg/db';
import {
  type AssessmentScheme,
  appliesTo,
  checkManualScore,
  copySchemeToPlan,
  type Indicator,
  qixingguan2020Assessment,
  type UnitKind,
} from '@qxg/disclosure-core';
import { fail } from '../schema/user-errors';
import { type Tx, toJson, writeAudit } from './audit';
import { loadCorePlan } from './core-plan';

/** A manual indicator of a scheme, with the class it scores. */
export interface ManualIndicatorRow {
  readonly id: string;
  readonly name: string;
  readonly points: number;
  readonly classId: string;
  readonly className: string;
}

/** The indicators a stored definition scores by hand, class by class (bonuses included). */
export function manualIndicatorsOf(definition: unknown): ManualIndicatorRow[] {
  const scheme = definition as Partial<AssessmentScheme> | null;
  const out: ManualIndicatorRow[] = [];
  const walk = (list: readonly Indicator[] | undefined, c: { id: string; name: string }) => {
    for (const i of list ?? []) {
      if (i.kind === 'group') walk(i.children, c);
      else if (i.method?.kind === 'manual')
        out.push({ id: i.id, name: i.name, points: i.points, classId: c.id, className: c.name });
    }
  };
  for (const c of Array.isArray(scheme?.classes) ? scheme.classes : []) {
    walk(c.indicators, c);
    walk(c.bonuses, c);
  }
  return out;
}

/** What `setManualScore` writes: points and reason may be left out on a change (they are kept). */
export interface ManualScoreWrite {
  readonly unitId: string;
  readonly indicatorId: string;
  readonly points?: number;
  readonly reason?: string;
  readonly actorId: string;
}

/**
 * Enters or changes a manual score: the unit must exist and fall in a class that has the
 * indicator; the core's `checkManualScore` checks the indicator, the range and the reason.
 */
export async function setManualScore(
  tx: Tx,
  scheme: SchemeRow,
  write: ManualScoreWrite,
): Promise<ManualScore> {
  const key = { schemeId: scheme.id, unitId: write.unitId, indicatorId: write.indicatorId };
  const before = await tx.manualScore.findUnique({ where: { schemeId_unitId_indicatorId: key } });
  const points = write.points ?? before?.points;
  const reason = write.reason ?? before?.reason;
  if (points === undefined || reason === undefined) {
    fail(
      'INVALID_INPUT',
      { zh: '新的人工评分须填写分数和理由。', en: 'A new manual score needs points and a reason.' },
      [points === undefined ? 'points' : 'reason'],
    );
  }
  const definition = scheme.definition as unknown as AssessmentScheme;
  const checked = checkManualScore(definition, { indicatorId: write.indicatorId, points, reason });
  if (!checked.ok) {
    const [first] = checked.issues;
    fail(
      first?.code === 'unknown_indicator' || first?.code === 'not_manual'
        ? 'UNKNOWN_INDICATOR'
        : 'INVALID_MANUAL_SCORE',
      first?.message ?? { zh: '人工评分无效。', en: 'Invalid manual score.' },
      [first?.location?.path ?? 'points'],
    );
  }
  const unit = await tx.unit.findUnique({ where: { id: write.unitId } });
  if (!unit)
    fail('UNKNOWN_UNIT', { zh: `找不到单位${write.unitId}`, en: `No unit ${write.unitId}` }, ['unitId']);
  const cls = definition.classes.find(
    (c) =>
      appliesTo(c.appliesTo, { id: unit.id as never, kind: unit.kind as UnitKind }) &&
      hasIndicator(c, write.indicatorId),
  );
  if (!cls) {
    fail(
      'INVALID_MANUAL_SCORE',
      {
        zh: `${unit.canonicalName}不属于考核该指标的单位类别。`,
        en: `${unit.canonicalName} is not in a unit class scored on this indicator.`,
      },
      ['unitId'],
    );
  }
  const data = { points: checked.value.points, reason: reason.trim(), enteredById: write.actorId };
  const after = before
    ? await tx.manualScore.update({ where: { id: before.id }, data })
    : await tx.manualScore.create({ data: { ...key, ...data } });
  await writeAudit(tx, {
    actorId: write.actorId,
    action: 'setManualScore',
    entityType: 'ManualScore',
    entityId: after.id,
    ...(before ? { before } : {}),
    after,
  });
  return after;
}

function hasIndicator(c: AssessmentScheme['classes'][number], id: string): boolean {
  const walk = (list: readonly Indicator[] | undefined): boolean =>
    (list ?? []).some((i) => i.id === id || (i.kind === 'group' && walk(i.children)));
  return walk(c.indicators) || walk(c.bonuses);
}

/** Removes a manual score; false when there was none (nothing written). */
export async function clearManualScore(
  tx: Tx,
  scheme: SchemeRow,
  unitId: string,
  indicatorId: string,
  actorId: string,
): Promise<boolean> {
  const before = await tx.manualScore.findUnique({
    where: { schemeId_unitId_indicatorId: { schemeId: scheme.id, unitId, indicatorId } },
  });
  if (!before) return false;
  await tx.manualScore.delete({ where: { id: before.id } });
  await writeAudit(tx, {
    actorId,
    action: 'clearManualScore',
    entityType: 'ManualScore',
    entityId: before.id,
    before,
  });
  return true;
}

/**
 * Stores a copy of a scheme definition for a plan (the core's `copySchemeToPlan`), audited as
 * `copyAssessmentScheme` (unless `audit: false`: the caller's entry says it). NAME_TAKEN when the plan has a scheme of that name; INVALID_SCHEME when
 * the copy does not fit the plan.
 */
export async function copyScheme(
  tx: Tx,
  source: Pick<SchemeRow, 'id' | 'definition'> | { readonly id: null; readonly definition: AssessmentScheme },
  planId: string,
  options: { readonly actorId: string | null; readonly name?: string; readonly audit?: boolean },
): Promise<SchemeRow> {
  const plan = await loadCorePlan(tx, planId);
  if (!plan) fail('UNKNOWN_PLAN', { zh: `找不到方案${planId}`, en: `No plan ${planId}` }, ['toPlanId']);
  const copied = copySchemeToPlan(source.definition as unknown as AssessmentScheme, plan, {
    ...(options.name ? { name: options.name } : {}),
  });
  if (!copied.ok) {
    fail(
      'INVALID_SCHEME',
      {
        zh: `考核方案不适用于该方案:${copied.issues.map((i) => i.message.zh).join(';')}`,
        en: `The scheme does not fit the plan: ${copied.issues.map((i) => i.message.en).join('; ')}`,
      },
      ['schemeId'],
    );
  }
  const name = copied.value.name;
  if (await tx.assessmentScheme.findUnique({ where: { planId_name: { planId, name } } })) {
    fail(
      'NAME_TAKEN',
      { zh: `该方案已有名为“${name}”的考核方案。`, en: `The plan already has a scheme “${name}”.` },
      ['name'],
    );
  }
  const row = await tx.assessmentScheme.create({ data: { planId, name, definition: toJson(copied.value) } });
  if (options.audit === false) return row;
  await writeAudit(tx, {
    actorId: options.actorId,
    action: 'copyAssessmentScheme',
    entityType: 'AssessmentScheme',
    entityId: row.id,
    after: { ...row, copiedFrom: source.id },
  });
  return row;
}

/**
 * Gives a freshly imported plan its scheme (noted on the import's audit entry): a copy of `fromSchemeId` when given, else a copy of the
 * default scheme (the seed plan's, made for the new plan) unless it has a scheme already (copied
 * from the plan it follows). Null when it gets none: it has one, or the default does not fit it
 * (the import still stands; the office defines or copies one later).
 */
export async function giveImportedPlanScheme(
  tx: Tx,
  planId: string,
  options: { readonly actorId: string | null; readonly fromSchemeId?: string | null },
): Promise<SchemeRow | null> {
  let row: SchemeRow | null = null;
  let from: string | null = null;
  if (options.fromSchemeId) {
    const source = await tx.assessmentScheme.findUnique({ where: { id: options.fromSchemeId } });
    if (!source)
      fail('UNKNOWN_SCHEME', { zh: '找不到要复制的考核方案。', en: 'No such scheme to copy.' }, [
        'schemeFrom',
      ]);
    row = await copyScheme(tx, source, planId, { actorId: options.actorId, audit: false });
    from = source.id;
  } else if ((await tx.assessmentScheme.count({ where: { planId } })) === 0) {
    const fallback = qixingguan2020Assessment;
    const plan = await loadCorePlan(tx, planId);
    if (plan && copySchemeToPlan(fallback, plan).ok)
      row = await copyScheme(tx, { id: null, definition: fallback }, planId, {
        actorId: options.actorId,
        audit: false,
      });
  }
  if (row) await noteOnImport(tx, planId, { id: row.id, name: row.name, copiedFrom: from });
  return row;
}

/** Adds the scheme a plan got to its import's audit entry (one mutation, one entry). */
async function noteOnImport(
  tx: Tx,
  planId: string,
  scheme: { id: string; name: string; copiedFrom: string | null },
): Promise<void> {
  const entry = await tx.auditEntry.findFirst({
    where: { action: 'importPlan', entityType: 'Plan', entityId: planId },
    orderBy: { at: 'desc' },
  });
  if (!entry) return;
  const after =
    entry.after && typeof entry.after === 'object' && !Array.isArray(entry.after) ? entry.after : {};
  await tx.auditEntry.update({
    where: { id: entry.id },
    data: { after: toJson({ ...after, assessmentScheme: scheme }) },
  });
}
