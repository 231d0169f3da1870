import type { ImportFinding } from '@qxg/disclosure-core';
import { scopeOf } from '../auth-scopes';
import { builder } from '../builder';
import { loadRegistry } from '../services/core-plan';
import { loadPlanRows, PlanExistsError, planRows } from '../services/load-plan';
import { linkNextPlan, nextPlanInputs } from '../services/plans';
import { giveImportedPlanScheme } from '../services/scheme-admin';
import { runInWorker } from '../workers/pool';
import { LocalizedText, UserError, type UserErrorShape } from './common';
import { decodeGlobalId, fail, refused, runMutation, viewerOf } from './mutation-kit';
import { PlanRef } from './refs';
import { UserErrors } from './user-errors';

const ImportFormatEnum = builder.enumType('ImportFormat', {
  values: {
    TEXT: { description: 'The published notice as plain text (正文 and 附件 任务分解表).' },
    XLSX: { description: 'A decomposition table workbook, base64 in `content`.' },
    CSV: { description: 'A decomposition table as CSV (UTF-8).' },
    DOCX: {
      description:
        'The notice as a Word file (.docx: paragraphs, and the 任务分解表 as a real table with merged cells), base64 in `content`.',
    },
    HTML: {
      description:
        'The notice as a web page saved from a government site (the article and its tables; navigation ignored; the 索引号 box gives 文号 and 发布日期).',
    },
  } as const,
});

const ImportPlanInput = builder.inputType('ImportPlanInput', {
  fields: (t) => ({
    format: t.field({ type: ImportFormatEnum, required: true }),
    content: t.string({
      required: true,
      description: 'The text, the CSV or the HTML page; the XLSX or DOCX file in base64.',
    }),
    dryRun: t.boolean({ defaultValue: false, description: 'Read and report findings; write nothing.' }),
    planId: t.string({ description: 'The plan id (default `plan-<year>-<serial of the 文号>`).' }),
    year: t.int(),
    docNumber: t.string({
      description:
        'The 文号. TEXT: used when the notice carries none. XLSX/CSV: overrides the workbook’s notice sheet (re-import an exported table as a new plan).',
    }),
    title: t.string(),
    issuer: t.string(),
    issuedOn: t.field({ type: 'Date' }),
    previousPlanId: t.string({
      description:
        'The plan this one follows (“start next year’s plan”, `Plan.nextPlanDraft`): linked as `previousPlan`, its assessment schemes copied.',
    }),
    schemeFrom: t.id({
      description:
        'An assessment scheme to copy to the new plan (`copyAssessmentScheme`); without it the plan gets the default scheme, made for it, unless it has one already.',
    }),
    carryOver: t.idList({
      description:
        'Standing work items of `previousPlanId` (ids from `nextPlanDraft.carryOver`) to add to the new plan when its document lacks them.',
    }),
  }),
});

const ImportFindingRef = builder.objectRef<ImportFinding>('ImportFinding').implement({
  description: 'Something the importer noticed, with where (line, sheet, row, column, phrase).',
  fields: (t) => ({
    code: t.exposeString('code'),
    severity: t.exposeString('severity', { description: 'error | warning | info' }),
    message: t.field({ type: LocalizedText, resolve: (f) => f.message }),
    location: t.field({ type: 'JSON', resolve: (f) => f.location }),
    proposal: t.field({
      type: 'JSON',
      nullable: true,
      description: 'For unknown_unit: the registry entry the importer proposes.',
      resolve: (f) => f.proposal ?? null,
    }),
  }),
});

interface ImportResult {
  readonly planId: string | null;
  readonly findings: readonly ImportFinding[] | null;
  readonly workItems: number | null;
  readonly assignments: number | null;
}

const ImportPlanPayload = builder
  .objectRef<
    { [K in keyof ImportResult]: ImportResult[K] | null } & { userErrors: readonly UserErrorShape[] }
  >('ImportPlanPayload')
  .implement({
    fields: (t) => ({
      plan: t.field({
        type: PlanRef,
        nullable: true,
        description: 'The imported plan (null on a dry run or a failure).',
        resolve: (p, _a, ctx) => (p.planId ? ctx.loaders.plan.load(p.planId) : null),
      }),
      findings: t.field({ type: [ImportFindingRef], resolve: (p) => [...(p.findings ?? [])] }),
      workItems: t.int({ nullable: true, resolve: (p) => p.workItems }),
      assignments: t.int({ nullable: true, resolve: (p) => p.assignments }),
      userErrors: t.field({ type: [UserError], resolve: (p) => p.userErrors }),
    }),
  });

builder.mutationField('importPlan', (t) =>
  t.field({
    type: ImportPlanPayload,
    description:
      'ADMIN: reads a plan (notice text, XLSX or CSV decomposition table) with the core importer and stores it with its units, work items, parsed deadlines and assignments, in one transaction. With `dryRun` only the findings are returned. Any error finding refuses the import (nothing written).',
    args: { input: t.arg({ type: ImportPlanInput, required: true }) },
    authScopes: scopeOf('importPlan'),
    unauthorizedResolver: refused({ planId: null, findings: [], workItems: null, assignments: null }),
    resolve: async (_r, { input }, ctx) => {
      // Read the upload off the request thread (workers/plan-worker.ts) before the transaction opens:
      // the plan-io reader, the core's checks, the deadlines and assignments of every row.
      const outcome = await runInWorker('parseImport', {
        format: input.format,
        content: input.content,
        registry: await loadRegistry(ctx.prisma),
        facts: {
          ...(input.planId ? { id: input.planId } : {}),
          ...(input.year ? { year: input.year } : {}),
          ...(input.docNumber ? { docNumber: input.docNumber } : {}),
          ...(input.title ? { title: input.title } : {}),
          ...(input.issuer ? { issuer: input.issuer } : {}),
          ...(input.issuedOn ? { issuedOn: input.issuedOn } : {}),
        },
        keepInput: Boolean(input.previousPlanId),
      });
      let findings: readonly ImportFinding[] =
        outcome.kind === 'parsed' ? outcome.parsed.findings : outcome.findings;
      const result = await runMutation<ImportResult>(
        ctx,
        { planId: null, findings: null, workItems: null, assignments: null },
        async (tx) => {
          const viewer = viewerOf(ctx);
          if (outcome.kind === 'refused') throw new UserErrors([outcome.error]);
          const next = await nextPlanInputs(tx, outcome.parsed, input);
          const parsed = next.parsed;
          findings = parsed.findings;
          const errors = parsed.findings.filter((f) => f.severity === 'error');
          if (errors.length > 0 || !parsed.plan) {
            fail(
              'IMPORT_FAILED',
              {
                zh: `文档有${errors.length}处错误,未导入。`,
                en: `The document has ${errors.length} error finding(s); nothing was imported.`,
              },
              ['content'],
            );
          }
          if (input.dryRun) {
            return { planId: null, findings, workItems: null, assignments: null };
          }
          const exists = await tx.plan.findFirst({
            where: { OR: [{ id: parsed.plan.id }, { docNumber: parsed.plan.docNumber }] },
          });
          if (exists) {
            fail(
              'PLAN_EXISTS',
              {
                zh: `方案${exists.id}(${exists.docNumber})已存在。`,
                en: `Plan ${exists.id} (${exists.docNumber}) is already stored.`,
              },
              ['content'],
            );
          }
          try {
            // The worker's rows, unless carried-over items changed the plan (then they are made here).
            const rows =
              parsed.plan === outcome.parsed.plan && outcome.rows
                ? outcome.rows
                : planRows(parsed.plan, outcome.rows?.plan.sourceText ?? '');
            const loaded = await loadPlanRows(tx, rows, { actorId: viewer.id, engine: ctx.db.engine });
            if (input.previousPlanId)
              await linkNextPlan(tx, loaded.planId, input.previousPlanId, viewer.id, next.carried);
            await giveImportedPlanScheme(tx, loaded.planId, {
              actorId: viewer.id,
              fromSchemeId: input.schemeFrom
                ? decodeGlobalId(String(input.schemeFrom), 'AssessmentScheme')
                : null,
            });
            return {
              planId: loaded.planId,
              findings,
              workItems: loaded.workItems,
              assignments: loaded.assignments,
            };
          } catch (error) {
            if (error instanceof PlanExistsError)
              fail('PLAN_EXISTS', { zh: `方案${error.planId}已存在。`, en: error.message });
            throw error;
          }
        },
      );
      // Findings are returned with user errors too: they say what to fix.
      return { ...result, findings: result.findings ?? findings };
    },
  }),
);
