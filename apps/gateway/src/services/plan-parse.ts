import {
  createPlan,
  type ImportFinding,
  type ParsedPlanDocument,
  type PlanInput,
  parsePlanDocument,
  type UnitRegistry,
} from '@qxg/disclosure-core';
import {
  docxText,
  htmlText,
  readPlanCsv,
  readPlanDocx,
  readPlanHtml,
  readPlanXlsx,
  ZipLimitError,
} from '@qxg/plan-io';
import type { UserErrorShape } from '../schema/user-errors';
import { type PlanRows, planRows } from './load-plan';

export type ImportFormat = 'TEXT' | 'CSV' | 'XLSX' | 'DOCX' | 'HTML';

/** What `importPlan` hands the plan worker: the upload, the registry as stored, the admin's facts. */
export interface ParseRequest {
  readonly format: ImportFormat;
  /** The text, or the XLSX / DOCX file in base64. */
  readonly content: string;
  readonly registry: UnitRegistry;
  readonly facts: {
    readonly id?: string;
    readonly year?: number;
    readonly docNumber?: string;
    readonly title?: string;
    readonly issuer?: string;
    readonly issuedOn?: string;
  };
  /** Send the plan's input back too (a next year's plan adds carried-over items to it). */
  readonly keepInput: boolean;
}

/**
 * The plan worker's answer: the parsed document (findings, the plan) with the rows to store and the
 * source text, or a refusal (a zip past the limits, notice facts that do not make a plan).
 */
export type ParseOutcome =
  | {
      readonly kind: 'parsed';
      readonly parsed: ParsedPlanDocument;
      /** The rows of `parsed.plan`, null without a plan. */
      readonly rows: PlanRows | null;
    }
  | { readonly kind: 'refused'; readonly error: UserErrorShape; readonly findings: readonly ImportFinding[] };

/**
 * Reads an upload into a plan and the rows it is stored as: the plan-io reader of its format, the
 * admin's notice facts over a table's own, the core's checks, the deadlines parsed and the
 * assignments expanded. Everything CPU-heavy of an import, and nothing that touches the database:
 * the plan worker runs it off the request thread.
 */
export async function parsePlanUpload(request: ParseRequest): Promise<ParseOutcome> {
  const { format, content, facts } = request;
  const options = { registry: request.registry, ...facts };
  let parsed: ParsedPlanDocument;
  let sourceText = '';
  try {
    switch (format) {
      case 'TEXT':
        parsed = parsePlanDocument(content, options);
        sourceText = content;
        break;
      case 'CSV':
        parsed = readPlanCsv(content, options);
        sourceText = content;
        break;
      case 'XLSX':
        parsed = await readPlanXlsx(Buffer.from(content, 'base64'), options);
        break;
      case 'DOCX': {
        const bytes = Buffer.from(content, 'base64');
        parsed = readPlanDocx(bytes, options);
        sourceText = docxText(bytes) ?? '';
        break;
      }
      case 'HTML':
        parsed = readPlanHtml(content, options);
        sourceText = htmlText(content);
        break;
    }
  } catch (error) {
    if (!(error instanceof ZipLimitError)) throw error;
    return {
      kind: 'refused',
      error: { code: 'ARCHIVE_TOO_LARGE', message: { zh: error.zh, en: error.en }, field: ['content'] },
      findings: [],
    };
  }
  if (format === 'XLSX' || format === 'CSV') {
    const overridden = withNoticeOverrides(parsed, facts);
    if ('error' in overridden) return { kind: 'refused', error: overridden.error, findings: parsed.findings };
    parsed = overridden.parsed;
  }
  const { input, ...rest } = parsed;
  return {
    kind: 'parsed',
    parsed: request.keepInput || input === undefined ? parsed : rest,
    rows: parsed.plan ? planRows(parsed.plan, sourceText) : null,
  };
}

/**
 * A table import (XLSX, CSV): the notice facts the admin gives explicitly win over the ones the
 * workbook's 方案信息 sheet carries. The importers take those options only as fallbacks, so
 * re-importing the gateway's own export as a new plan kept the old 文号 and was refused as an
 * existing plan.
 */
function withNoticeOverrides(
  parsed: ParsedPlanDocument,
  facts: ParseRequest['facts'],
): { parsed: ParsedPlanDocument } | { error: UserErrorShape } {
  const overrides: Partial<Pick<PlanInput, 'docNumber' | 'title' | 'issuer' | 'issuedOn'>> = {
    ...(facts.docNumber ? { docNumber: facts.docNumber } : {}),
    ...(facts.title ? { title: facts.title } : {}),
    ...(facts.issuer ? { issuer: facts.issuer } : {}),
    ...(facts.issuedOn ? { issuedOn: facts.issuedOn } : {}),
  };
  if (!parsed.input || !parsed.plan || Object.keys(overrides).length === 0) return { parsed };
  const changed = (Object.keys(overrides) as (keyof typeof overrides)[]).some(
    (k) => parsed.input?.[k] !== overrides[k],
  );
  if (!changed) return { parsed };
  const rebuilt = createPlan({ ...parsed.input, ...overrides });
  if (!rebuilt.ok) {
    return {
      error: {
        code: 'INVALID_INPUT',
        message: {
          zh: `给定的方案信息无效:${rebuilt.issues.map((i) => i.message.zh).join(';')}`,
          en: `The given notice facts are not valid: ${rebuilt.issues.map((i) => i.message.en).join('; ')}`,
        },
        field: ['docNumber'],
      },
    };
  }
  return { parsed: { ...parsed, input: { ...parsed.input, ...overrides }, plan: rebuilt.value } };
}
