import type { OutsideEvent, Prisma, QxgPrismaClient } from '@qxg/db';
import {
  type OutsideEvent as CoreEvent,
  type ProgressReport as CoreReport,
  createPlan,
  DEFAULT_COLLECTIVES,
  type Plan,
  qixingguanUnits,
  repairUnitRegistry,
  type UnitRegistry,
} from '@qxg/disclosure-core';
import { planHeader } from './load-plan';
import { toCoreReport } from './reports';
import { storedUnits } from './units';

type Reader = QxgPrismaClient | Prisma.TransactionClient;

/**
 * The unit registry as stored (units, parents, aliases), with the district's collective phrases
 * (各乡镇街道 …) from the core's 七星关区 registry when their members are all stored, else the core's
 * defaults. Never throws on an odd registry (a name twice, a parent loop written past the mutations):
 * the core's `repairUnitRegistry` leaves out what breaks a rule (see `unitRegistryProblems`).
 */
export async function loadRegistry(prisma: Reader): Promise<UnitRegistry> {
  const inputs = await storedUnits(prisma);
  const ids = new Set(inputs.map((u) => u.id));
  const fits = qixingguanUnits.collectives.every((c) =>
    [...(c.include ?? []), ...(c.exclude ?? [])].every((id) => ids.has(id)),
  );
  return repairUnitRegistry(inputs, fits ? qixingguanUnits.collectives : DEFAULT_COLLECTIVES).registry;
}

const PUBLICITY_TEXT = {
  PUBLIC: '此件公开发布',
  ON_REQUEST: '此件依申请公开',
  NOT_PUBLIC: '此件不予公开',
} as const;

/**
 * Rebuilds the core's `Plan` from the stored rows (ids are the core's own, so they match), for the
 * core functions that take a plan: assessment, the decomposition table export.
 */
export async function loadCorePlan(prisma: Reader, planId: string): Promise<Plan | null> {
  const plan = await prisma.plan.findUnique({
    where: { id: planId },
    include: {
      categories: {
        orderBy: { number: 'asc' },
        include: {
          keyTasks: { orderBy: { number: 'asc' }, include: { workItems: { orderBy: { order: 'asc' } } } },
        },
      },
      safeguardMeasures: { orderBy: { number: 'asc' } },
    },
  });
  if (!plan) return null;
  const registry = await loadRegistry(prisma);
  const result = createPlan({
    ...planHeader(plan),
    recipientsText: plan.recipients,
    publicityText: PUBLICITY_TEXT[plan.publicity],
    basis: (plan.basisDocuments as { title: string; docNumber: string }[] | null) ?? [],
    categories: plan.categories.map((c) => ({
      title: c.title,
      keyTasks: c.keyTasks.map((t) => {
        const units = (t.bodyUnits ?? {}) as { leadUnitsText?: string; responsibleUnitsText?: string };
        return {
          number: t.number,
          title: t.title,
          body: t.body,
          leadUnitsText: units.leadUnitsText ?? '',
          responsibleUnitsText: units.responsibleUnitsText ?? '',
          workItems: t.workItems.map((w) => ({
            content: w.content,
            leadUnitsText: w.leadUnitsText,
            responsibleUnitsText: w.responsibleUnitsText,
            deadlineText: w.deadlineText,
          })),
        };
      }),
    })),
    safeguards: plan.safeguardMeasures.map((s) => ({
      title: s.title,
      body: s.body,
      leadUnitsText: s.leadUnitsText,
      responsibleUnitsText: s.responsibleUnitsText,
    })),
    units: registry,
  });
  if (!result.ok) {
    throw new Error(
      `stored plan ${planId} no longer forms a valid plan: ${JSON.stringify(result.issues.slice(0, 3))}`,
    );
  }
  return result.value;
}

/**
 * Every stored report of the plan in the core's shape, corrections with their `supersedes` links:
 * the core decides, for each as-of day, which of them stand (`reportsAsOf`).
 */
export async function loadCoreReports(prisma: Reader, planId: string): Promise<CoreReport[]> {
  const rows = await prisma.progressReport.findMany({
    where: { assignment: { workItem: { keyTask: { planId } } } },
    include: { assignment: true, evidence: true },
    orderBy: [{ reportedOn: 'asc' }, { createdAt: 'asc' }],
  });
  return rows.map((r) => ({
    ...toCoreReport(r, r.assignment),
    evidence: r.evidence.map((e) => ({
      url: e.url,
      ...(e.siteColumn ? { column: e.siteColumn } : {}),
      ...(e.publishedOn ? { publishedOn: e.publishedOn } : {}),
    })),
  }));
}

/**
 * Stored outside events in the core's shape. The database keeps kind, day, key, unit and text; the
 * level of a 通报 is not stored and is read as `district`.
 */
export function toCoreEvents(events: readonly OutsideEvent[]): CoreEvent[] {
  return events.map((e): CoreEvent => {
    const id = e.id as CoreEvent['id'];
    const unitIds = e.unitId ? [e.unitId as CoreReport['unitId']] : [];
    switch (e.kind) {
      case 'COMMENDATION':
      case 'CRITICISM':
        return {
          kind: 'circular',
          id,
          occurredOn: e.occurredOn,
          level: 'district',
          issuer: e.issuer ?? '',
          docNumber: e.docNumber ?? e.eventKey,
          tone: e.kind === 'COMMENDATION' ? 'commendation' : 'criticism',
          unitIds,
          text: e.text,
        };
      // A training or a promoted experience needs its unit; without one it is only awaited.
      case 'TRAINING': {
        const [organizerId] = unitIds;
        if (organizerId)
          return { kind: 'training', id, occurredOn: e.occurredOn, organizerId, title: e.text };
        break;
      }
      case 'EXPERIENCE_PROMOTED': {
        const [unitId] = unitIds;
        if (unitId) {
          return {
            kind: 'experience_promoted',
            id,
            occurredOn: e.occurredOn,
            level: 'district',
            unitId,
            text: e.text,
          };
        }
        break;
      }
    }
    return { kind: 'awaited', id, occurredOn: e.occurredOn, key: e.eventKey };
  });
}
