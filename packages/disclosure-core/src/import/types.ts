import type { IsoDate } from '../_lib/iso-date';
import type { Issue, SourceLocation } from '../_lib/result';
import type { FindingSeverity } from '../plan/lint-plan';
import type { Plan, PlanInput } from '../plan/types';
import type { UnitRegistry } from '../units/create-unit-registry';
import type { UnitKind } from '../units/unit';

/**
 * Every code an import reports. docs/importing.md explains each.
 *
 * @example
 * ```ts
 * const code: ImportFindingCode = 'unknown_unit';
 * ```
 */
export type ImportFindingCode =
  | 'no_tasks'
  | 'missing_doc_number'
  | 'damaged_doc_number'
  | 'publication_date_used'
  | 'publication_date_differs'
  | 'missing_issue_date'
  | 'missing_title'
  | 'missing_year'
  | 'missing_issuer'
  | 'missing_recipients'
  | 'missing_publicity'
  | 'year_mismatch'
  | 'invalid_plan'
  | 'truncated_document'
  | 'truncated_table'
  | 'missing_units'
  | 'units_from_heading'
  | 'lead_from_first_listed'
  | 'items_from_body'
  | 'deadline_from_body'
  | 'task_missing_in_annex'
  | 'annex_task_not_in_body'
  | 'annex_title_differs'
  | 'task_renumbered'
  | 'default_category'
  | 'missing_column'
  | 'unknown_column'
  | 'group_columns_added'
  | 'row_too_long'
  | 'empty_cell'
  | 'unknown_unit'
  | 'abbreviation_applied'
  | 'unreadable_deadline'
  | 'garbled_deadline'
  | 'unreadable_sheet';

/**
 * A registry entry the importer proposes for a name the registry does not know: review it, give it
 * a real id, and add it to the registry (`qxg import --registry units.json`).
 *
 * @example
 * ```ts
 * const p: UnitProposal = { id: 'new-1', name: '县林业局', kind: 'department', aliases: ['林业局'] };
 * ```
 */
export interface UnitProposal {
  /** A placeholder id (`new-1`, `new-2` …): ids are English slugs a person chooses. */
  readonly id: string;
  readonly name: string;
  /** The kind guessed from the name's ending (局 → department, 街道 → subdistrict …). */
  readonly kind: UnitKind;
  readonly aliases: readonly string[];
}

/**
 * Something the importer noticed: a code, a severity, a message in Chinese and English, and where
 * (`line` in a text; `sheet`, `row` and `column` in a spreadsheet or a flattened table).
 * `error` means the plan is incomplete or could not be built; the rest can be read and fixed later.
 *
 * @example
 * ```ts
 * const f: ImportFinding = {
 *   code: 'unknown_unit',
 *   severity: 'warning',
 *   message: { zh: '单位名录中没有“县林业局”', en: 'The unit registry has no unit named "县林业局"' },
 *   location: { line: 24, text: '县林业局' },
 * };
 * ```
 */
export interface ImportFinding extends Issue<ImportFindingCode> {
  readonly severity: FindingSeverity;
  readonly location: SourceLocation;
  /** For `unknown_unit`: the registry entry the importer proposes. */
  readonly proposal?: UnitProposal;
}

/**
 * Options of {@link parsePlanDocument}. Everything but `registry` is a fallback or an override for
 * what the document itself says.
 *
 * @example
 * ```ts
 * const options: ParsePlanDocumentOptions = { registry: qixingguanUnits, id: 'qixingguan-2020' };
 * ```
 */
export interface ParsePlanDocumentOptions {
  /** The units the plan may name; unknown names become `unknown_unit` findings with a proposal. */
  readonly registry: UnitRegistry;
  /** The plan id; by default `plan-<year>-<serial of the 文号>` (`plan-2020-84`). */
  readonly id?: string;
  /** The plan year, overriding the year in the title (a `year_mismatch` warning if they differ). */
  readonly year?: number;
  /** Used when the document carries no date (an annex-only list). */
  readonly issuedOn?: IsoDate;
  /** Used when the document carries no 文号. */
  readonly docNumber?: string;
  /** Used when the document names no issuing office. */
  readonly issuer?: string;
  /** Used when the document has no title line. */
  readonly title?: string;
  /**
   * When a document gives one unit list and no rule saying who leads: `true` takes the first unit
   * listed as the lead (a `lead_from_first_listed` note says so); by default all are responsible.
   */
  readonly firstListedLeads?: boolean;
}

/**
 * What {@link parsePlanDocument} read: the plan input as written, the validated plan when one could
 * be built, and every finding in document order.
 *
 * @example
 * ```ts
 * const { plan, findings } = parsePlanDocument(text, { registry });
 * if (plan === undefined) console.log(findings.filter((f) => f.severity === 'error'));
 * ```
 */
export interface ParsedPlanDocument {
  /** The plan as written; absent only when no key task could be read at all. */
  readonly input?: PlanInput;
  /** `createPlan(input)` when it succeeded. */
  readonly plan?: Plan;
  readonly findings: readonly ImportFinding[];
}
