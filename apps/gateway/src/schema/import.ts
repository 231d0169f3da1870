import {
  createPlan,
  type ImportFinding,
  type ParsedPlanDocument,
  type PlanInput,
  parsePlanDocument,
} from '@qxg/disclosure-core';
import { docxText, htmlText, readPlanCsv, readPlanDocx, readPlanHtml, readPlanXlsx } from '@qxg/plan-io';
import { scopeOf } from '../auth-scopes';
import { builder } from '../builder';
import { loadRegistry } from '../services/core-plan';
import { loadPlan, PlanExistsError } from '../services/load-plan';
import { LocalizedText, UserError, type UserErrorShape } from './common';
import { fail, refused, runMutation, viewerOf } from './mutation-kit';
import { PlanRef } from './refs';

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
      let findings: readonly ImportFinding[] = [];
      const result = await runMutation<ImportResult>(
        ctx,
        { planId: null, findings: null, workItems: null, assignments: null },
        async (tx) => {
          const viewer = viewerOf(ctx);
          const registry = await loadRegistry(tx);
          const options = {
            registry,
            ...(input.planId ? { id: input.planId } : {}),
            ...(input.year ? { year: input.year } : {}),
            ...(input.docNumber ? { docNumber: input.docNumber } : {}),
            ...(input.title ? { title: input.title } : {}),
            ...(input.issuer ? { issuer: input.issuer } : {}),
            ...(input.issuedOn ? { issuedOn: input.issuedOn } : {}),
          };
          let parsed: ParsedPlanDocument;
          switch (input.format) {
            case 'TEXT':
              parsed = parsePlanDocument(input.content, options);
              break;
            case 'CSV':
              parsed = readPlanCsv(input.content, options);
              break;
            case 'XLSX':
              parsed = await readPlanXlsx(Buffer.from(input.content, 'base64'), options);
              break;
            case 'DOCX':
              parsed = await readPlanDocx(Buffer.from(input.content, 'base64'), options);
              break;
            case 'HTML':
              parsed = readPlanHtml(input.content, options);
              break;
          }
          if (input.format === 'XLSX' || input.format === 'CSV') parsed = withNoticeOverrides(parsed, input);
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
            const loaded = await loadPlan(tx, parsed.plan, {
              actorId: viewer.id,
              sourceText: sourceTextOf(input.format, input.content),
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

/** The plan's text as stored: what was read (a Word file's or a web page's text), none for a workbook. */
function sourceTextOf(format: 'TEXT' | 'CSV' | 'XLSX' | 'DOCX' | 'HTML', content: string): string {
  switch (format) {
    case 'XLSX':
      return '';
    case 'DOCX':
      return docxText(Buffer.from(content, 'base64')) ?? '';
    case 'HTML':
      return htmlText(content);
    default:
      return content;
  }
}

/**
 * A table import (XLSX, CSV): the notice facts the admin gives explicitly win over the ones the
 * workbook's 方案信息 sheet carries. The importers take those options only as fallbacks, so
 * re-importing the gateway's own export as a new plan kept the old 文号 and was refused as an
 * existing plan.
 */
function withNoticeOverrides(
  parsed: ParsedPlanDocument,
  input: {
    readonly docNumber?: string | null | undefined;
    readonly title?: string | null | undefined;
    readonly issuer?: string | null | undefined;
    readonly issuedOn?: string | null | undefined;
  },
): ParsedPlanDocument {
  const overrides: Partial<Pick<PlanInput, 'docNumber' | 'title' | 'issuer' | 'issuedOn'>> = {
    ...(input.docNumber ? { docNumber: input.docNumber } : {}),
    ...(input.title ? { title: input.title } : {}),
    ...(input.issuer ? { issuer: input.issuer } : {}),
    ...(input.issuedOn ? { issuedOn: input.issuedOn } : {}),
  };
  if (!parsed.input || !parsed.plan || Object.keys(overrides).length === 0) return parsed;
  const changed = (Object.keys(overrides) as (keyof typeof overrides)[]).some(
    (k) => parsed.input?.[k] !== overrides[k],
  );
  if (!changed) return parsed;
  const rebuilt = createPlan({ ...parsed.input, ...overrides });
  if (!rebuilt.ok) {
    fail(
      'INVALID_INPUT',
      {
        zh: `给定的方案信息无效:${rebuilt.issues.map((i) => i.message.zh).join(';')}`,
        en: `The given notice facts are not valid: ${rebuilt.issues.map((i) => i.message.en).join('; ')}`,
      },
      ['docNumber'],
    );
  }
  return { ...parsed, input: { ...parsed.input, ...overrides }, plan: rebuilt.value };
}
