// Progress reports: the ProgressReport and Evidence types and the mutations that write them.

import type { Assignment, Evidence, ProgressReport } from '@qxg/db';
import { type ProgressReport as CoreReport, checkNewReport } from '@qxg/disclosure-core';
import { builder } from '../builder';
import type { Context } from '../context';
import { loadNodes } from '../loaders';
import { type Tx, writeAudit } from '../services/audit';
import { assertAssignmentWritable } from '../services/plans';
import { toCoreReport } from '../services/reports';
import { ProgressStateEnum } from './common';
import {
  decodeGlobalId,
  fail,
  payloadType,
  rawId,
  refused,
  runMutation,
  UserErrors,
  viewerOf,
} from './mutation-kit';
import { AssignmentRef, EvidenceRef, ProgressReportRef, UserRef } from './refs';
import type { Localized } from './user-errors';
import { inputPath, REPORT_ISSUE_CODES, userError } from './user-errors';

builder.node(ProgressReportRef, {
  description:
    'A unit’s progress report on an assignment. Append-only: a correction supersedes it. Signed-in readers only: PUBLIC sees statuses and aggregates, not the notes, evidence or authors.',
  id: { resolve: (r) => r.id },
  // Reports are unit-internal working material (notes, links, who wrote them): any signed-in role
  // reads them (REPORTERs read as ANALYSTs), PUBLIC never, also not through node(id).
  authScopes: { loggedIn: true },
  loadMany: (ids, ctx) => loadNodes(ctx.loaders.report, ids),
  fields: (t) => ({
    reportedOn: t.exposeString('reportedOn', { description: 'YYYY-MM-DD the progress is reported for.' }),
    state: t.field({ type: ProgressStateEnum, resolve: (r) => r.state }),
    percent: t.int({ nullable: true, resolve: (r) => r.percent }),
    note: t.string({ nullable: true, resolve: (r) => r.note }),
    createdAt: t.field({ type: 'DateTime', resolve: (r) => r.createdAt }),
    assignment: t.field({
      type: AssignmentRef,
      resolve: async (r, _a, ctx) => (await ctx.loaders.assignment.load(r.assignmentId)) as Assignment,
    }),
    supersedes: t.field({
      type: ProgressReportRef,
      nullable: true,
      description: 'The earlier report this one corrects (it stands no more from this report’s day on).',
      resolve: (r, _a, ctx) => (r.supersedesId ? ctx.loaders.report.load(r.supersedesId) : null),
    }),
    supersededBy: t.field({
      type: ProgressReportRef,
      nullable: true,
      resolve: async (r, _a, ctx) =>
        (await ctx.loaders.reportsOfAssignment.load(r.assignmentId)).find((x) => x.supersedesId === r.id) ??
        null,
    }),
    evidence: t.field({
      type: [EvidenceRef],
      resolve: (r, _a, ctx) => ctx.loaders.evidenceOfReport.load(r.id),
    }),
    createdBy: t.field({
      type: UserRef,
      nullable: true,
      description: 'Who wrote it.',
      resolve: (r, _a, ctx) => (r.createdById ? ctx.loaders.user.load(r.createdById) : null),
    }),
  }),
});

builder.objectType(EvidenceRef, {
  description:
    'Proof of publication: a page on the government site, in a column (栏目). Signed-in readers only.',
  authScopes: { loggedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    url: t.exposeString('url'),
    siteColumn: t.string({ nullable: true, resolve: (e) => e.siteColumn }),
    publishedOn: t.string({ nullable: true, resolve: (e) => e.publishedOn }),
    createdAt: t.field({ type: 'DateTime', resolve: (e) => e.createdAt }),
  }),
});

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
    percent: t.int({ description: 'Required for PARTIAL; DONE is 100.' }),
    note: t.string({ description: 'A DONE report needs a note or evidence (留痕).' }),
    evidence: t.field({ type: [EvidenceInput] }),
  }),
});

const SupersedeReportInput = builder.inputType('SupersedeReportInput', {
  fields: (t) => ({
    reportId: t.id({ required: true, description: 'The report being corrected.' }),
    expectedVersion: t.int({ required: true }),
    reportedOn: t.field({
      type: 'Date',
      required: true,
      description: 'The correction counts from this day on; before it, the corrected report still stands.',
    }),
    state: t.field({ type: ProgressStateEnum, required: true }),
    percent: t.int(),
    note: t.string(),
    evidence: t.field({ type: [EvidenceInput] }),
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

interface ReportResult {
  readonly report: ProgressReport | null;
  readonly assignment: Assignment | null;
}

const reportPayload = (name: string) =>
  payloadType<ReportResult>(name, (t) => ({
    report: t.field({ type: ProgressReportRef, nullable: true, resolve: (p) => p.report }),
    assignment: t.field({
      type: AssignmentRef,
      nullable: true,
      description: 'The assignment after the write (new `version`).',
      resolve: (p) => p.assignment,
    }),
  }));
const RecordProgressPayload = reportPayload('RecordProgressPayload');
const SupersedeReportPayload = reportPayload('SupersedeReportPayload');
const AttachEvidencePayload = payloadType<{ evidence: Evidence | null }>('AttachEvidencePayload', (t) => ({
  evidence: t.field({ type: EvidenceRef, nullable: true, resolve: (p) => p.evidence }),
}));
const BulkUpdateStatusPayload = payloadType<{ reports: readonly ProgressReport[] | null }>(
  'BulkUpdateStatusPayload',
  (t) => ({ reports: t.field({ type: [ProgressReportRef], resolve: (p) => [...(p.reports ?? [])] }) }),
);

type EvidenceArg = {
  url: string;
  siteColumn?: string | null | undefined;
  publishedOn?: string | null | undefined;
};
interface ReportArg {
  readonly reportedOn: string;
  readonly state: 'STARTED' | 'PARTIAL' | 'DONE';
  readonly percent?: number | null | undefined;
  readonly note?: string | null | undefined;
  readonly evidence?: readonly EvidenceArg[] | null | undefined;
}

/** What one report may hold (docs/security.md, "Bounded requests"). */
export const REPORT_BOUNDS = {
  noteChars: 5_000,
  evidencePerReport: 20,
  urlChars: 2_000,
  siteColumnChars: 200,
} as const;

/** A text longer than `max` characters is refused with TOO_LONG. */
function checkLength(
  value: string | null | undefined,
  max: number,
  field: readonly string[],
  what: Localized,
): void {
  const length = value ? [...value].length : 0;
  if (length > max)
    fail(
      'TOO_LONG',
      {
        zh: `${what.zh}最多${max}个字符(现为${length}个)。`,
        en: `${what.en} takes at most ${max} characters (it has ${length}).`,
      },
      field,
    );
}

/** Evidence must be a web address (not `javascript:` or a file): a rule of the web, not of the plan. */
function checkUrl(url: string, field: readonly string[]): void {
  checkLength(url, REPORT_BOUNDS.urlChars, field, { zh: '网址', en: 'An address' });
  let ok = false;
  try {
    const u = new URL(url);
    ok = u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    ok = false;
  }
  if (!ok) fail('INVALID_URL', { zh: `不是有效的网址:${url}`, en: `Not an http(s) address: ${url}` }, field);
}

/**
 * The core's `checkNewReport` on a report about to be written (against the assignment's stored
 * reports, the plan's issue day and today); every issue becomes a user error.
 */
async function checkReport(
  tx: Tx,
  ctx: Context,
  assignment: Assignment | null,
  input: ReportArg,
  supersedes?: ProgressReport,
): Promise<void> {
  // A withdrawn (archived) plan is read-only (PLAN_ARCHIVED).
  if (assignment) await assertAssignmentWritable(tx, assignment);
  checkLength(input.note, REPORT_BOUNDS.noteChars, ['note'], { zh: '说明', en: 'A note' });
  const evidence = input.evidence ?? [];
  if (evidence.length > REPORT_BOUNDS.evidencePerReport)
    fail(
      'INVALID_SIZE',
      {
        zh: `一次报送最多附${REPORT_BOUNDS.evidencePerReport}条佐证(现为${evidence.length}条)。`,
        en: `A report holds at most ${REPORT_BOUNDS.evidencePerReport} pieces of evidence (it has ${evidence.length}).`,
      },
      ['evidence'],
    );
  for (const [i, e] of evidence.entries()) {
    checkUrl(e.url, ['evidence', String(i), 'url']);
    checkLength(e.siteColumn, REPORT_BOUNDS.siteColumnChars, ['evidence', String(i), 'siteColumn'], {
      zh: '栏目',
      en: 'A site column',
    });
  }
  const owner = assignment ?? { workItemId: '', unitId: '' };
  const [stored, item] = assignment
    ? await Promise.all([
        tx.progressReport.findMany({
          where: { assignmentId: assignment.id },
          orderBy: { reportedOn: 'asc' },
        }),
        tx.workItem.findUnique({
          where: { id: assignment.workItemId },
          select: { keyTask: { select: { plan: { select: { issuedOn: true } } } } },
        }),
      ])
    : [[], null];
  const report: CoreReport = {
    ...toCoreReport(
      {
        id: '\u0000new',
        reportedOn: input.reportedOn,
        state: input.state,
        percent: input.percent ?? null,
        note: input.note ?? null,
        supersedesId: supersedes?.id ?? null,
      },
      owner,
    ),
    evidence: (input.evidence ?? []).map((e) => ({
      url: e.url,
      ...(e.publishedOn ? { publishedOn: e.publishedOn } : {}),
    })),
  };
  const issues = checkNewReport(report, {
    existing: stored.map((r) => toCoreReport(r, owner)),
    asOf: ctx.today,
    ...(item ? { issuedOn: item.keyTask.plan.issuedOn } : {}),
  });
  if (issues.length > 0) {
    throw new UserErrors(
      issues.map((i) =>
        userError(REPORT_ISSUE_CODES[i.code], i.message, inputPath(i.field, { supersedes: 'reportId' })),
      ),
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
      {
        zh: `该任务已被他人更新(当前版本${current?.version},提交版本${expected}),请刷新后重试。`,
        en: `The assignment changed meanwhile (version ${current?.version}, you sent ${expected}): reload and retry.`,
      },
      ['expectedVersion'],
    );
  }
  return (await tx.assignment.findUnique({ where: { id: assignment.id } })) as Assignment;
}

function notFound(what: 'assignment' | 'report', field: string): never {
  return fail(
    'NOT_FOUND',
    what === 'assignment'
      ? { zh: '找不到该任务分工。', en: 'No such assignment.' }
      : { zh: '找不到该进展报告。', en: 'No such report.' },
    [field],
  );
}

/** Stored values of a report: DONE is 100 percent. */
function reportData(input: ReportArg) {
  return {
    reportedOn: input.reportedOn,
    state: input.state,
    percent: input.state === 'DONE' ? 100 : (input.percent ?? null),
    note: input.note ?? null,
  };
}

function evidenceData(evidence: readonly EvidenceArg[] | null | undefined) {
  return (evidence ?? []).map((e) => ({
    url: e.url,
    siteColumn: e.siteColumn ?? null,
    publishedOn: e.publishedOn ?? null,
  }));
}

/** Writes a (checked) report with its evidence, bumping the assignment's version. */
async function fileReport(
  tx: Tx,
  viewerId: string,
  assignment: Assignment,
  input: ReportArg & { readonly expectedVersion: number },
  supersedesId: string | null,
): Promise<{ report: ProgressReport; after: Assignment }> {
  const after = await bumpVersion(tx, assignment, input.expectedVersion);
  const report = await tx.progressReport.create({
    data: {
      assignmentId: assignment.id,
      ...reportData(input),
      supersedesId,
      createdById: viewerId,
      evidence: { create: evidenceData(input.evidence) },
    },
  });
  return { report, after };
}

/** The assignment a report belongs to, for the `recordsFor` scope ('' when there is none). */
async function assignmentOfReport(ctx: Context, reportId: string): Promise<string> {
  const id = rawId(reportId, 'ProgressReport');
  return id ? ((await ctx.loaders.report.load(id))?.assignmentId ?? '') : '';
}

const EMPTY_REPORT = { report: null, assignment: null };

builder.mutationFields((t) => ({
  recordProgress: t.field({
    type: RecordProgressPayload,
    description:
      'A unit reports progress on one of its assignments (REPORTER of that unit, or ADMIN). Checked by the core’s checkNewReport.',
    args: { input: t.arg({ type: RecordProgressInput, required: true }) },
    authScopes: (_r, { input }) => ({ recordsFor: rawId(String(input.assignmentId), 'Assignment') ?? '' }),
    unauthorizedResolver: refused(EMPTY_REPORT),
    resolve: (_r, { input }, ctx) =>
      runMutation(ctx, EMPTY_REPORT, async (tx) => {
        const viewer = viewerOf(ctx);
        const id = decodeGlobalId(String(input.assignmentId), 'Assignment');
        const before = await tx.assignment.findUnique({ where: { id } });
        await checkReport(tx, ctx, before, input);
        if (!before) notFound('assignment', 'assignmentId');
        const { report, after } = await fileReport(tx, viewer.id, before, input, null);
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
    description:
      'Corrects a report: a new report supersedes it from its own day on; the old one stays as history (and still stands as of earlier days).',
    args: { input: t.arg({ type: SupersedeReportInput, required: true }) },
    authScopes: async (_r, { input }, ctx) => ({
      recordsFor: await assignmentOfReport(ctx, String(input.reportId)),
    }),
    unauthorizedResolver: refused(EMPTY_REPORT),
    resolve: (_r, { input }, ctx) =>
      runMutation(ctx, EMPTY_REPORT, async (tx) => {
        const viewer = viewerOf(ctx);
        const old = await tx.progressReport.findUnique({
          where: { id: decodeGlobalId(String(input.reportId), 'ProgressReport') },
        });
        if (!old) notFound('report', 'reportId');
        const before = (await tx.assignment.findUnique({ where: { id: old.assignmentId } })) as Assignment;
        await checkReport(tx, ctx, before, input, old);
        const { report, after } = await fileReport(tx, viewer.id, before, input, old.id);
        await writeAudit(tx, {
          actorId: viewer.id,
          action: 'supersedeReport',
          entityType: 'ProgressReport',
          entityId: report.id,
          before: old,
          after: report,
        });
        return { report, assignment: after };
      }),
  }),
  attachEvidence: t.field({
    type: AttachEvidencePayload,
    description: 'Adds proof of publication to a report (REPORTER of its unit, or ADMIN).',
    args: { input: t.arg({ type: AttachEvidenceInput, required: true }) },
    authScopes: async (_r, { input }, ctx) => ({
      recordsFor: await assignmentOfReport(ctx, String(input.reportId)),
    }),
    unauthorizedResolver: refused({ evidence: null }),
    resolve: (_r, { input }, ctx) =>
      runMutation(ctx, { evidence: null }, async (tx) => {
        const viewer = viewerOf(ctx);
        checkUrl(input.url, ['url']);
        const report = await tx.progressReport.findUnique({
          where: { id: decodeGlobalId(String(input.reportId), 'ProgressReport') },
        });
        if (!report) notFound('report', 'reportId');
        await assertAssignmentWritable(tx, { id: report.assignmentId });
        checkLength(input.siteColumn, REPORT_BOUNDS.siteColumnChars, ['siteColumn'], {
          zh: '栏目',
          en: 'A site column',
        });
        const held = await tx.evidence.count({ where: { reportId: report.id } });
        if (held >= REPORT_BOUNDS.evidencePerReport)
          fail(
            'INVALID_SIZE',
            {
              zh: `每次报送最多附${REPORT_BOUNDS.evidencePerReport}条佐证,该报送已有${held}条。`,
              en: `A report holds at most ${REPORT_BOUNDS.evidencePerReport} pieces of evidence; this one has ${held}.`,
            },
            ['reportId'],
          );
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
    description:
      'ADMIN: the same report for up to 500 assignments, all or nothing (each checked by the core’s checkNewReport).',
    args: { input: t.arg({ type: BulkUpdateStatusInput, required: true }) },
    authScopes: { admin: true },
    unauthorizedResolver: refused({ reports: null }),
    resolve: (_r, { input }, ctx) =>
      runMutation(ctx, { reports: null }, async (tx) => {
        const viewer = viewerOf(ctx);
        const ids = [...new Set(input.assignmentIds.map((id) => decodeGlobalId(String(id), 'Assignment')))];
        if (ids.length === 0 || ids.length > 500) {
          fail('INVALID_SIZE', { zh: '请提供1至500项任务分工。', en: 'Give 1 to 500 assignments.' }, [
            'assignmentIds',
          ]);
        }
        const found = await tx.assignment.findMany({ where: { id: { in: ids } } });
        if (found.length !== ids.length) {
          fail('NOT_FOUND', { zh: '部分任务分工不存在。', en: 'Some assignments do not exist.' }, [
            'assignmentIds',
          ]);
        }
        for (const a of found) await checkReport(tx, ctx, a, input);
        await tx.assignment.updateMany({ where: { id: { in: ids } }, data: { version: { increment: 1 } } });
        const reports: ProgressReport[] = [];
        for (const a of found) {
          reports.push(
            await tx.progressReport.create({
              data: { assignmentId: a.id, ...reportData(input), createdById: viewer.id },
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
