import type { OutsideEvent, Prisma, QxgPrismaClient } from '@qxg/db';
import {
  type OutsideEvent as CoreEvent,
  type ProgressReport as CoreReport,
  createPlan,
  createUnitRegistry,
  DEFAULT_COLLECTIVES,
  type Plan,
  qixingguanUnits,
  type UnitInput,
  type UnitKind,
  type UnitRegistry,
} from '@qxg/disclosure-core';
import { toCoreReport } from './reports';

type Reader = QxgPrismaClient | Prisma.TransactionClient;

/**
 * The unit registry as stored (units, parents, aliases), with the district's collective phrases
 * (各乡镇街道 …) from the core's 七星关区 registry, or the core's defaults when they do not fit.
 */
export async function loadRegistry(prisma: Reader): Promise<UnitRegistry> {
  const units = await prisma.unit.findMany({ include: { aliases: true }, orderBy: { id: 'asc' } });
  const inputs: UnitInput[] = units.map((u) => ({
    id: u.id,
    name: u.canonicalName,
    kind: u.kind as UnitKind,
    ...(u.parentId ? { parentId: u.parentId } : {}),
    aliases: u.aliases.map((a) => a.alias),
  }));
  try {
    return createUnitRegistry(inputs, qixingguanUnits.collectives);
  } catch {
    return createUnitRegistry(inputs, DEFAULT_COLLECTIVES);
  }
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
    id: plan.id,
    docNumber: plan.docNumber,
    title: plan.title,
    issuer: plan.issuer,
    issuedOn: plan.issuedOn,
    year: plan.year,
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
          issuer: '',
          docNumber: e.eventKey,
          tone: e.kind === 'COMMENDATION' ? 'commendation' : 'criticism',
          unitIds,
          text: e.text,
        };
      case 'TRAINING':
        if (e.unitId) {
          return {
            kind: 'training',
            id,
            occurredOn: e.occurredOn,
            organizerId: e.unitId as CoreReport['unitId'],
            title: e.text,
          };
        }
        return { kind: 'awaited', id, occurredOn: e.occurredOn, key: e.eventKey };
      case 'EXPERIENCE_PROMOTED':
        if (e.unitId) {
          return {
            kind: 'experience_promoted',
            id,
            occurredOn: e.occurredOn,
            level: 'district',
            unitId: e.unitId as CoreReport['unitId'],
            text: e.text,
          };
        }
        return { kind: 'awaited', id, occurredOn: e.occurredOn, key: e.eventKey };
      default:
        return { kind: 'awaited', id, occurredOn: e.occurredOn, key: e.eventKey };
    }
  });
}
