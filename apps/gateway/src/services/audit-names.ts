import type { AuditEntry } from '@qxg/db';
import { UNIT_KIND_LABELS, type UnitKind } from '@qxg/disclosure-core';
import type { Context } from '../context';
import { AUDIT_FIELDS, type AuditLabel } from './audit-vocabulary';

type Snapshot = Record<string, unknown>;

const asObject = (value: unknown): Snapshot | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Snapshot) : null;

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** A field of a snapshot, from after, then before (nested `kept`/`merged` snapshots too). */
function fromSnapshots(entry: AuditEntry, ...keys: string[]): string | null {
  for (const side of [entry.after, entry.before]) {
    const o = asObject(side);
    for (const key of keys) {
      const v = text(o?.[key]) ?? text(asObject(o?.kept)?.[key]);
      if (v) return v;
    }
  }
  return null;
}

/** 任务5第2项 of an assignment's work item, with its unit: 区教育科技局 · 任务5第2项. */
async function assignmentName(ctx: Context, assignmentId: string): Promise<string | null> {
  const a = await ctx.prisma.assignment.findUnique({
    where: { id: assignmentId },
    select: {
      unit: { select: { canonicalName: true } },
      workItem: { select: { order: true, content: true, keyTask: { select: { number: true } } } },
    },
  });
  if (!a) return null;
  const content = a.workItem.content.length > 24 ? `${a.workItem.content.slice(0, 24)}…` : a.workItem.content;
  return `${a.unit.canonicalName} · 任务${a.workItem.keyTask.number}第${a.workItem.order}项(${content})`;
}

/**
 * What an audit entry is about, named as people name it (a unit's name, a username, a plan's
 * title, 区教育科技局 · 任务5第2项 for an assignment), never a raw id; for a row deleted since, the
 * name its snapshot kept; the id only when nothing else is known.
 */
export async function entityName(ctx: Context, entry: AuditEntry): Promise<string> {
  const id = entry.entityId;
  const named = await (async (): Promise<string | null> => {
    switch (entry.entityType) {
      case 'Unit':
        if (id === 'registry') return '单位名录';
        return (
          (await ctx.loaders.unit.load(id))?.canonicalName ?? fromSnapshots(entry, 'canonicalName', 'name')
        );
      case 'User':
        return (id ? (await ctx.loaders.user.load(id))?.username : null) ?? fromSnapshots(entry, 'username');
      case 'Plan':
        return (await ctx.loaders.plan.load(id))?.title ?? fromSnapshots(entry, 'title', 'docNumber');
      case 'Assignment':
        return assignmentName(ctx, id);
      case 'ProgressReport': {
        const r = await ctx.prisma.progressReport.findUnique({
          where: { id },
          select: { assignmentId: true, reportedOn: true },
        });
        return r ? `${(await assignmentName(ctx, r.assignmentId)) ?? ''} ${r.reportedOn}`.trim() : null;
      }
      case 'Evidence':
        return (await ctx.prisma.evidence.findUnique({ where: { id }, select: { url: true } }))?.url ?? null;
      case 'OutsideEvent': {
        const e = await ctx.loaders.event.load(id);
        return e?.noticeTitle ?? e?.text ?? fromSnapshots(entry, 'noticeTitle', 'text', 'eventKey');
      }
      case 'AssessmentScheme':
        return (await ctx.loaders.scheme.load(id))?.name ?? fromSnapshots(entry, 'name');
      case 'AssessmentRun': {
        const run = await ctx.prisma.assessmentRun.findUnique({
          where: { id },
          select: { asOf: true, scheme: { select: { name: true } } },
        });
        return run ? `${run.scheme.name}(${run.asOf})` : fromSnapshots(entry, 'asOf');
      }
      case 'ManualScore': {
        const s = await ctx.prisma.manualScore.findUnique({
          where: { id },
          select: { indicatorId: true, unit: { select: { canonicalName: true } } },
        });
        return s ? `${s.unit.canonicalName} · ${s.indicatorId}` : fromSnapshots(entry, 'indicatorId');
      }
      case 'CalendarYear':
        return /^\d{4}$/.test(id) ? `${id}年` : null;
      case 'CalendarDay':
        return fromSnapshots(entry, 'date', 'name');
      default:
        return null;
    }
  })();
  return named ?? (id || '—');
}

/** One changed field of an entry, labelled, its values shown as people read them. */
export interface AuditChange {
  readonly field: string;
  readonly label: AuditLabel;
  readonly before: string | null;
  readonly after: string | null;
}

const HIDDEN = new Set(['id', 'createdAt', 'updatedAt', 'passwordHash', 'tokenHash']);

const ROLE_VALUES: Readonly<Record<string, string>> = {
  ADMIN: '管理员',
  REPORTER: '报送员',
  ANALYST: '分析员',
};

/** The label of a (possibly nested) field: `moved.assignments` → 迁移记录 · 任务分工. */
function fieldLabel(path: readonly string[]): AuditLabel {
  const parts = path.map((p) => AUDIT_FIELDS[p] ?? { zh: p, en: p });
  return { zh: parts.map((p) => p.zh).join(' · '), en: parts.map((p) => p.en).join(' · ') };
}

async function display(ctx: Context, key: string, value: unknown): Promise<string | null> {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) {
    const items = await Promise.all(value.map((v) => display(ctx, key, v)));
    return items.filter((v) => v !== null).join('、') || null;
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return JSON.stringify(value);
  const ref = AUDIT_FIELDS[key]?.ref;
  if (ref === 'Unit') return (await ctx.loaders.unit.load(value))?.canonicalName ?? value;
  if (ref === 'User') return (await ctx.loaders.user.load(value))?.username ?? value;
  if (ref === 'Plan') return (await ctx.loaders.plan.load(value))?.title ?? value;
  if (key === 'role') return ROLE_VALUES[value] ?? value;
  if (key === 'kind' && value in UNIT_KIND_LABELS) return UNIT_KIND_LABELS[value as UnitKind];
  return value;
}

/** A snapshot's leaves with their paths (`{ moved: { users: 2 } }` → [['moved', 'users'], 2]). */
function leaves(value: unknown, path: readonly string[] = []): [string[], unknown][] {
  const o = asObject(value);
  if (!o) return path.length === 0 ? [] : [[[...path], value]];
  return Object.entries(o)
    .filter(([k]) => !HIDDEN.has(k))
    .flatMap(([k, v]) => leaves(v, [...path, k]));
}

/**
 * An entry's before/after as rows of changed fields: each field either side holds, with its label
 * (audit-vocabulary.ts) and its values in words (ids of units, users and plans by their names, roles
 * and unit kinds in Chinese). Fields equal on both sides are left out; an entry that records one side
 * lists that side.
 */
export async function auditChanges(ctx: Context, entry: AuditEntry): Promise<AuditChange[]> {
  const before = new Map(leaves(entry.before).map(([p, v]) => [p.join('.'), { path: p, value: v }]));
  const after = new Map(leaves(entry.after).map(([p, v]) => [p.join('.'), { path: p, value: v }]));
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  const rows: AuditChange[] = [];
  for (const key of keys) {
    const b = before.get(key);
    const a = after.get(key);
    if (b && a && JSON.stringify(b.value) === JSON.stringify(a.value)) continue;
    const path = (a ?? b)?.path ?? [key];
    const leaf = path.at(-1) ?? key;
    rows.push({
      field: key,
      label: fieldLabel(path),
      before: b ? await display(ctx, leaf, b.value) : null,
      after: a ? await display(ctx, leaf, a.value) : null,
    });
  }
  return rows;
}
