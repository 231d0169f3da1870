// Loaded only on the import page: the core's readers run in the browser for the preview, exactly
// as `qxg import` runs them on the command line.
import { type ImportFinding, type Plan, parsePlanDocument, qixingguanUnits } from '@qxg/disclosure-core';
import { readPlanCsv, readPlanXlsx } from '@qxg/plan-io';

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

export async function previewPlan(source: PlanSource, metadata: PlanMetadata = {}): Promise<PlanPreview> {
  const given = Object.fromEntries(
    Object.entries(metadata).filter(([, v]) => v !== undefined && v !== '' && v !== null),
  );
  const options = { registry: qixingguanUnits, ...given };
  let result: Awaited<ReturnType<typeof readPlanXlsx>>;
  if (source.kind === 'text') result = parsePlanDocument(source.text, options);
  else if (/\.xlsx$/i.test(source.name)) result = await readPlanXlsx(new Uint8Array(source.data), options);
  else {
    const text = new TextDecoder('utf-8').decode(source.data);
    result = /\.csv$/i.test(source.name) ? readPlanCsv(text, options) : parsePlanDocument(text, options);
  }
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
    findings: result.findings,
  };
}
