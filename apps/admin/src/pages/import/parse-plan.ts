// Loaded only on the import page: the core's readers run in the browser for the preview, exactly
// as `qxg import` runs them on the command line.
import {
  deadlinesBeforeIssue,
  type ImportFinding,
  type ParsePlanDocumentOptions,
  type Plan,
  parsePlanDocument,
  qixingguanUnits,
} from '@qxg/disclosure-core';
import { detectPlanFormat, readPlanCsv, readPlanDocx, readPlanHtml, readPlanXlsx } from '@qxg/plan-io';
import { decodePlanText } from '@qxg/plan-io/text';
import type { graphql } from '../../graphql/graphql';

export interface PreviewItem {
  readonly key: string;
  readonly category: string;
  readonly keyTask: string;
  readonly content: string;
  readonly lead: string;
  readonly responsible: string;
  readonly deadline: string;
}

export interface PlanPreview {
  readonly format: ImportFormat;
  readonly plan: Pick<Plan, 'id' | 'title' | 'docNumber' | 'issuer' | 'issuedOn' | 'year'> | null;
  readonly counts: { readonly categories: number; readonly keyTasks: number; readonly workItems: number };
  readonly items: readonly PreviewItem[];
  readonly findings: readonly ImportFinding[];
}

export type PlanSource =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'file'; readonly name: string; readonly data: ArrayBuffer };

/** What a table does not say about its plan (a published text carries it in its notice). */
export interface PlanMetadata {
  readonly planId?: string;
  readonly year?: number;
  readonly docNumber?: string;
  readonly issuedOn?: string;
  readonly issuer?: string;
  readonly title?: string;
}

/** The formats the gateway's `importPlan` takes (its `ImportFormat` enum). */
export type ImportFormat = ReturnType<typeof graphql.scalar<'ImportFormat'>>;

/** What is sent as `importPlan`'s `content` and `format`, and the bytes the preview reads. */
export interface SourceContent {
  readonly format: ImportFormat;
  /** Text, CSV and HTML as text; XLSX and DOCX in base64. */
  readonly content: string;
  readonly bytes?: Uint8Array;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The source as the gateway takes it. A file's format comes from its bytes first and its name second
 * (plan-io's `detectPlanFormat`: a zip with `word/` is DOCX, one with `xl/` XLSX, markup is HTML);
 * pasted text with HTML markup (a page's source) is HTML, by the same rule.
 */
export function sourceContent(source: PlanSource): SourceContent {
  if (source.kind === 'text') {
    const head = new TextEncoder().encode(source.text.slice(0, 4096));
    return { format: detectPlanFormat(head, '') === 'html' ? 'HTML' : 'TEXT', content: source.text };
  }
  const bytes = new Uint8Array(source.data);
  const format = detectPlanFormat(bytes, source.name);
  if (format === 'docx' || format === 'xlsx')
    return { format: format === 'docx' ? 'DOCX' : 'XLSX', content: toBase64(bytes), bytes };
  const text = decodePlanText(bytes);
  return { format: format === 'html' ? 'HTML' : format === 'csv' ? 'CSV' : 'TEXT', content: text };
}

/** Reads the source with the reader the gateway uses for its format. */
async function readSource(source: SourceContent, options: ParsePlanDocumentOptions) {
  const bytes = source.bytes ?? new Uint8Array();
  switch (source.format) {
    case 'XLSX':
      return readPlanXlsx(bytes, options);
    case 'DOCX':
      return readPlanDocx(bytes, options);
    case 'HTML':
      return readPlanHtml(source.content, options);
    case 'CSV':
      return readPlanCsv(source.content, options);
    case 'TEXT':
      return parsePlanDocument(source.content, options);
  }
}

export async function previewPlan(source: PlanSource, metadata: PlanMetadata = {}): Promise<PlanPreview> {
  const given = Object.fromEntries(
    Object.entries(metadata).filter(([, v]) => v !== undefined && v !== '' && v !== null),
  );
  const content = sourceContent(source);
  const result = await readSource(content, { registry: qixingguanUnits, ...given });
  const plan = result.plan ?? null;
  const items: PreviewItem[] = [];
  let keyTasks = 0;
  for (const c of plan?.categories ?? []) {
    for (const k of c.keyTasks) {
      keyTasks++;
      for (const w of k.workItems) {
        items.push({
          key: w.id,
          category: c.title,
          keyTask: `${k.number}. ${k.title}`,
          content: w.content,
          lead: w.leadUnitsText,
          responsible: w.responsibleUnitsText,
          deadline: w.deadlineText,
        });
      }
    }
  }
  return {
    format: content.format,
    plan: plan && {
      id: plan.id,
      title: plan.title,
      docNumber: plan.docNumber,
      issuer: plan.issuer,
      issuedOn: plan.issuedOn,
      year: plan.year,
    },
    counts: { categories: plan?.categories.length ?? 0, keyTasks, workItems: items.length },
    items,
    // Dated deadlines before the 成文日期 (a plan copied from last year's): the core's warning, as the
    // gateway's import adds it when the reader has not.
    findings: [
      ...result.findings,
      ...(plan && !result.findings.some((f) => (f.code as string) === 'deadline_before_issue')
        ? (deadlinesBeforeIssue(plan) as unknown as typeof result.findings)
        : []),
    ],
  };
}
