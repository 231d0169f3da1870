import type { Assignment, ProgressReport } from '@qxg/db';
import { builder } from '../builder';
import type { Context } from '../context';
import { type Tx, writeAudit } from '../services/audit';
import { ProgressStateEnum, UserError, type UserErrorShape } from './common';
import { decodeGlobalId, fail, requireRole, runMutation } from './mutation-kit';
import { AssignmentRef, EvidenceRef, ProgressReportRef } from './refs';

const EvidenceInput = builder.inputType('EvidenceInput', {
  fields: (t) => ({
    url: t.string({ required: true, description: 'http(s) address of the published page.' }),
    siteColumn: t.string({ description: '栏目, e.g. 政府信息公开/重点领域信息公开' }),
    publishedOn: t.field({ type: 'Date' }),
  }),
});

const RecordProgressInput = builder.inputType('RecordProgressInput', {
  fields: (t) => ({
    assignmentId: t.id({ required: true }),
    expectedVersion: t.int({
      required: true,
      description: 'The assignment’s `version` as read; a stale one is refused with VERSION_CONFLICT.',
    }),
    reportedOn: t.field({ type: 'Date', required: true }),
    state: t.field({ type: ProgressStateEnum, required: true }),
    percent: t.int(),
    note: t.string(),
    evidence: t.field({ type: [EvidenceInput] }),
  }),
});

const SupersedeReportInput = builder.inputType('SupersedeReportInput', {
  fields: (t) => ({
    reportId: t.id({ required: true, description: 'The report being corrected.' }),
    expectedVersion: t.int({ required: true }),
    reportedOn: t.field({ type: 'Date', required: true }),
    state: t.field({ type: ProgressStateEnum, required: true }),
    percent: t.int(),
    note: t.string(),
  }),
});

const AttachEvidenceInput = builder.inputType('AttachEvidenceInput', {
  fields: (t) => ({
    reportId: t.id({ required: true }),
    url: t.string({ required: true }),
    siteColumn: t.string(),
    publishedOn: t.field({ type: 'Date' }),
  }),
});

const BulkUpdateStatusInput = builder.inputType('BulkUpdateStatusInput', {
  description:
    'The office records the same progress for many assignments at once (e.g. after a review meeting).',
  fields: (t) => ({
    assignmentIds: t.idList({ required: true }),
    reportedOn: t.field({ type: 'Date', required: true }),
    state: t.field({ type: ProgressStateEnum, required: true }),
    note: t.string(),
  }),
});

type Errors = { readonly userErrors: readonly UserErrorShape[] };
interface ReportResult {
  readonly report: ProgressReport | null;
  readonly assignment: Assignment | null;
}

const ReportPayload = (name: string) =>
  builder.objectRef<ReportResult & Errors>(name).implement({
    fields: (t) => ({
      report: t.field({ type: ProgressReportRef, nullable: true, resolve: (p) => p.report }),
      assignment: t.field({
        type: AssignmentRef,
        nullable: true,
        description: 'The assignment after the write (new `version`).',
        resolve: (p) => p.assignment,
      }),
      userErrors: t.field({ type: [UserError], resolve: (p) => p.userErrors }),
    }),
  });

const RecordProgressPayload = ReportPayload('RecordProgressPayload');
const SupersedeReportPayload = ReportPayload('SupersedeReportPayload');

const AttachEvidencePayload = builder
  .objectRef<{ evidence: import('@qxg/db').Evidence | null } & Errors>('AttachEvidencePayload')
  .implement({
    fields: (t) => ({
      evidence: t.field({ type: EvidenceRef, nullable: true, resolve: (p) => p.evidence }),
      userErrors: t.field({ type: [UserError], resolve: (p) => p.userErrors }),
    }),
  });

const BulkUpdateStatusPayload = builder
  .objectRef<{ reports: readonly ProgressReport[] | null } & Errors>('BulkUpdateStatusPayload')
  .implement({
    fields: (t) => ({
      reports: t.field({ type: [ProgressReportRef], resolve: (p) => [...(p.reports ?? [])] }),
      userErrors: t.field({ type: [UserError], resolve: (p) => p.userErrors }),
    }),
  });

function checkPercent(percent: number | null | undefined, state: string): void {
  if (percent === null || percent === undefined) return;
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) {
    fail('INVALID_PERCENT', 'percent must be 0..100.', '完成百分比须在0到100之间。', ['percent']);
  }
  if (state === 'DONE' && percent !== 100) {
    fail('INVALID_PERCENT', 'A DONE report is 100 percent.', '状态为已完成时百分比须为100。', ['percent']);
  }
}

function checkUrl(url: string, field: readonly string[]): void {
  let ok = false;
  try {
    const u = new URL(url);
    ok = u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    ok = false;
  }
  if (!ok) fail('INVALID_URL', `Not an http(s) address: ${url}`, `不是有效的网址:${url}`, field);
}

/** A REPORTER writes only for their own unit; ADMINs for any. */
function checkUnit(ctx: Context, assignment: Assignment): void {
  const v = ctx.viewer;
  if (v?.role === 'REPORTER' && v.unitId !== assignment.unitId) {
    fail(
      'FORBIDDEN',
      'A reporter may write only their own unit’s assignments.',
      '填报人只能填报本单位承担的任务。',
      ['assignmentId'],
    );
  }
}

/** Bumps the assignment's version when it still is `expected`; otherwise VERSION_CONFLICT. */
async function bumpVersion(tx: Tx, assignment: Assignment, expected: number): Promise<Assignment> {
  const { count } = await tx.assignment.updateMany({
    where: { id: assignment.id, version: expected },
    data: { version: { increment: 1 } },
  });
  if (count === 0) {
    const current = await tx.assignment.findUnique({ where: { id: assignment.id } });
    fail(
      'VERSION_CONFLICT',
      `The assignment changed meanwhile (version ${current?.version}, you sent ${expected}): reload and retry.`,
      `该任务已被他人更新(当前版本${current?.version},提交版本${expected}),请刷新后重试。`,
      ['expectedVersion'],
    );
  }
  return (await tx.assignment.findUnique({ where: { id: assignment.id } })) as Assignment;
}

async function loadAssignment(tx: Tx, id: string): Promise<Assignment> {
  const a = await tx.assignment.findUnique({ where: { id } });
  if (!a) fail('NOT_FOUND', `No assignment ${id}`, `找不到任务分工${id}`, ['assignmentId']);
  return a;
}

builder.mutationFields((t) => ({
  recordProgress: t.field({
    type: RecordProgressPayload,
    description: 'A unit reports progress on one of its assignments (REPORTER of that unit, or ADMIN).',
    args: { input: t.arg({ type: RecordProgressInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      runMutation(ctx, { report: null, assignment: null }, async (tx) => {
        const viewer = requireRole(ctx, ['ADMIN', 'REPORTER']);
        checkPercent(input.percent, input.state);
        for (const [i, e] of (input.evidence ?? []).entries())
          checkUrl(e.url, ['evidence', String(i), 'url']);
        const before = await loadAssignment(tx, decodeGlobalId(String(input.assignmentId), 'Assignment'));
        checkUnit(ctx, before);
        const after = await bumpVersion(tx, before, input.expectedVersion);
        const report = await tx.progressReport.create({
          data: {
            assignmentId: before.id,
            reportedOn: input.reportedOn,
            state: input.state,
            percent: input.percent ?? (input.state === 'DONE' ? 100 : null),
            note: input.note ?? null,
            createdById: viewer.id,
            evidence: {
              create: (input.evidence ?? []).map((e) => ({
                url: e.url,
                siteColumn: e.siteColumn ?? null,
                publishedOn: e.publishedOn ?? null,
              })),
            },
          },
        });
        await writeAudit(tx, {
          actorId: viewer.id,
          action: 'recordProgress',
          entityType: 'ProgressReport',
          entityId: report.id,
          before: { assignmentId: before.id, version: before.version },
          after: { ...report, version: after.version, evidence: input.evidence ?? [] },
        });
        return { report, assignment: after };
      }),
  }),
  supersedeReport: t.field({
    type: SupersedeReportPayload,
    description: 'Corrects a report: a new report supersedes it; the old one stays as history.',
    args: { input: t.arg({ type: SupersedeReportInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      runMutation(ctx, { report: null, assignment: null }, async (tx) => {
        const viewer = requireRole(ctx, ['ADMIN', 'REPORTER']);
        checkPercent(input.percent, input.state);
        const old = await tx.progressReport.findUnique({
          where: { id: decodeGlobalId(String(input.reportId), 'ProgressReport') },
          include: { supersededBy: true },
        });
        if (!old) fail('NOT_FOUND', 'No such report.', '找不到该进展报告。', ['reportId']);
        if (old.supersededBy) {
          fail('ALREADY_SUPERSEDED', 'This report was already corrected.', '该报告已被更正。', ['reportId']);
        }
        const before = await loadAssignment(tx, old.assignmentId);
        checkUnit(ctx, before);
        const after = await bumpVersion(tx, before, input.expectedVersion);
        const report = await tx.progressReport.create({
          data: {
            assignmentId: before.id,
            reportedOn: input.reportedOn,
            state: input.state,
            percent: input.percent ?? (input.state === 'DONE' ? 100 : null),
            note: input.note ?? null,
            supersedesId: old.id,
            createdById: viewer.id,
          },
        });
        const { supersededBy: _ignored, ...oldReport } = old;
        await writeAudit(tx, {
          actorId: viewer.id,
          action: 'supersedeReport',
          entityType: 'ProgressReport',
          entityId: report.id,
          before: oldReport,
          after: report,
        });
        return { report, assignment: after };
      }),
  }),
  attachEvidence: t.field({
    type: AttachEvidencePayload,
    description: 'Adds proof of publication to a report.',
    args: { input: t.arg({ type: AttachEvidenceInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      runMutation(ctx, { evidence: null }, async (tx) => {
        const viewer = requireRole(ctx, ['ADMIN', 'REPORTER']);
        checkUrl(input.url, ['url']);
        const report = await tx.progressReport.findUnique({
          where: { id: decodeGlobalId(String(input.reportId), 'ProgressReport') },
        });
        if (!report) fail('NOT_FOUND', 'No such report.', '找不到该进展报告。', ['reportId']);
        checkUnit(ctx, await loadAssignment(tx, report.assignmentId));
        const evidence = await tx.evidence.create({
          data: {
            reportId: report.id,
            url: input.url,
            siteColumn: input.siteColumn ?? null,
            publishedOn: input.publishedOn ?? null,
          },
        });
        await writeAudit(tx, {
          actorId: viewer.id,
          action: 'attachEvidence',
          entityType: 'Evidence',
          entityId: evidence.id,
          after: evidence,
        });
        return { evidence };
      }),
  }),
  bulkUpdateStatus: t.field({
    type: BulkUpdateStatusPayload,
    description: 'ADMIN: the same report for up to 500 assignments, all or nothing.',
    args: { input: t.arg({ type: BulkUpdateStatusInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      runMutation(ctx, { reports: null }, async (tx) => {
        const viewer = requireRole(ctx, ['ADMIN']);
        const ids = [...new Set(input.assignmentIds.map((id) => decodeGlobalId(String(id), 'Assignment')))];
        if (ids.length === 0 || ids.length > 500) {
          fail('INVALID_SIZE', 'Give 1 to 500 assignments.', '请提供1至500项任务分工。', ['assignmentIds']);
        }
        const found = await tx.assignment.findMany({ where: { id: { in: ids } } });
        if (found.length !== ids.length) {
          fail('NOT_FOUND', 'Some assignments do not exist.', '部分任务分工不存在。', ['assignmentIds']);
        }
        await tx.assignment.updateMany({ where: { id: { in: ids } }, data: { version: { increment: 1 } } });
        const reports: ProgressReport[] = [];
        for (const a of found) {
          reports.push(
            await tx.progressReport.create({
              data: {
                assignmentId: a.id,
                reportedOn: input.reportedOn,
                state: input.state,
                percent: input.state === 'DONE' ? 100 : null,
                note: input.note ?? null,
                createdById: viewer.id,
              },
            }),
          );
        }
        await writeAudit(tx, {
          actorId: viewer.id,
          action: 'bulkUpdateStatus',
          entityType: 'Assignment',
          entityId: ids.length === 1 ? (ids[0] as string) : `${ids.length} assignments`,
          before: found.map((a) => ({ id: a.id, version: a.version })),
          after: { state: input.state, reportedOn: input.reportedOn, reports: reports.map((r) => r.id) },
        });
        return { reports };
      }),
  }),
}));
