import type { IsoDate } from '../_lib/iso-date';
import type { CollectiveKey } from '../units/collective';
import type { UnitRegistry } from '../units/create-unit-registry';
import type { UnitRef } from '../units/resolve-unit-names';
import type { UnitId } from '../units/unit';

/** A plan's stable id, e.g. `qixingguan-2020`. */
export type PlanId = string & { readonly __brand: 'PlanId' };
/** A work item's stable id: `<planId>/t<task>/i<ordinal>`, e.g. `qixingguan-2020/t5/i2`. */
export type WorkItemId = string & { readonly __brand: 'WorkItemId' };

/** A document the plan cites as its basis (根据《…》(文号)). */
export interface BasisDocument {
  readonly title: string;
  /** 文号, e.g. `黔府办函〔2020〕23号`. */
  readonly docNumber: string;
}

/**
 * How the notice says it may be published: 此件公开发布 (public), 此件依申请公开 (on request),
 * 此件不予公开 (not public), or a line qxg does not know (`unstated` keeps the text).
 */
export type Publicity = 'public' | 'on_request' | 'not_public' | 'unstated';

/** A place in the plan where deadline wording stands, as written (parse it with `parseDeadline`). */
export interface DeadlinePhrase {
  readonly text: string;
  /** 0-based offset of the phrase in the body it was found in. */
  readonly offset: number;
}

/**
 * Who carries a duty, as written and as resolved against the registry: 牵头单位 (lead units) and
 * 责任单位 (responsible units; in the annex a merged cell is read as the cell above).
 *
 * @example
 * ```ts
 * const a: UnitAnnotation = qixingguan2020.categories[1]!.keyTasks[0]!.workItems[0]!;
 * a.leadUnits.filter((r) => r.kind === 'unknown'); // names the registry does not know
 * ```
 */
export interface UnitAnnotation {
  readonly leadUnitsText: string;
  readonly responsibleUnitsText: string;
  readonly leadUnits: readonly UnitRef[];
  readonly responsibleUnits: readonly UnitRef[];
}

/** One row of the 任务分解表 (decomposition table): a work item. */
export interface WorkItem extends UnitAnnotation {
  readonly id: WorkItemId;
  readonly keyTaskNumber: number;
  /** 1-based position among its key task's items. */
  readonly ordinal: number;
  /** 工作任务 / 具体要求: what is to be done. */
  readonly content: string;
  /** 完成时限 as written. */
  readonly deadlineText: string;
}

/**
 * What a key task and a safeguard measure both are: a titled body paragraph with its own unit
 * annotation (牵头单位 / 责任单位 as written and resolved) and the deadline wording found in it.
 *
 * @example
 * ```ts
 * const sections: PlanSection[] = [...plan.categories.flatMap((c) => c.keyTasks), ...plan.safeguards];
 * sections.flatMap((s) => s.deadlinePhrases.map((p) => p.text));
 * ```
 */
export interface PlanSection extends UnitAnnotation {
  readonly id: string;
  readonly title: string;
  /** The body paragraph after the title, without the unit annotation. */
  readonly body: string;
  /** Deadline wording found in the body (7月中旬前, 10月底前, 待…后 …). */
  readonly deadlinePhrases: readonly DeadlinePhrase[];
}

/** A numbered 重点任务 (key task): its body paragraph with its own units, and its annex rows. */
export interface KeyTask extends PlanSection {
  /** 1-based number, continuous across categories (1–11 in the seed). */
  readonly number: number;
  readonly workItems: readonly WorkItem[];
}

/** A 类别 (category) of key tasks, e.g. (一)聚焦中心工作加大公开力度. */
export interface Category {
  readonly id: string;
  /** 1-based position: (一) is 1. */
  readonly ordinal: number;
  readonly title: string;
  readonly keyTasks: readonly KeyTask[];
}

/** A 保障措施 (safeguard measure), e.g. (二)强化教育培训, with its units and duties. */
export interface SafeguardMeasure extends PlanSection {
  readonly ordinal: number;
}

/**
 * The notice of a plan, as written: what a plan and its input share.
 *
 * @example
 * ```ts
 * const { docNumber, issuedOn, year }: PlanNoticeFields = qixingguan2020; // '七星府办通〔2020〕84号', '2020-06-04', 2020
 * ```
 */
export interface PlanNoticeFields {
  /** 文号; in a {@link Plan}, normalised without spaces: `七星府办通〔2020〕84号`. */
  readonly docNumber: string;
  readonly title: string;
  /** The title of the covering notice (关于印发…的通知), where there is one. */
  readonly noticeTitle?: string;
  readonly issuer: string;
  readonly issuedOn: IsoDate;
  readonly year: number;
  /** 主送 as written. */
  readonly recipientsText: string;
  /** The approving sentence (经区人民政府同意…). */
  readonly approval?: string;
  /** The 此件… line as written. */
  readonly publicityText: string;
  readonly basis: readonly BasisDocument[];
}

/** A 政务公开工作实施方案: the notice, its key tasks and work items, and the units it names. */
export interface Plan extends PlanNoticeFields {
  readonly id: PlanId;
  readonly recipients: readonly UnitRef[];
  readonly publicity: Publicity;
  readonly categories: readonly Category[];
  readonly safeguards: readonly SafeguardMeasure[];
  readonly units: UnitRegistry;
}

/** A work item as {@link createPlan} takes it: texts as written. */
export interface WorkItemInput {
  readonly content: string;
  readonly leadUnitsText: string;
  readonly responsibleUnitsText: string;
  readonly deadlineText: string;
}

/** A key task as {@link createPlan} takes it. */
export interface KeyTaskInput {
  readonly number: number;
  readonly title: string;
  readonly body: string;
  readonly leadUnitsText: string;
  readonly responsibleUnitsText: string;
  readonly workItems: readonly WorkItemInput[];
}

/** A safeguard measure as {@link createPlan} takes it. */
export interface SafeguardMeasureInput {
  readonly title: string;
  readonly body: string;
  readonly leadUnitsText: string;
  readonly responsibleUnitsText: string;
}

/** Everything {@link createPlan} needs: the plan as written, and the registry to read its units. */
export interface PlanInput extends PlanNoticeFields {
  readonly id: string;
  readonly categories: readonly { readonly title: string; readonly keyTasks: readonly KeyTaskInput[] }[];
  readonly safeguards: readonly SafeguardMeasureInput[];
  readonly units: UnitRegistry;
}

/** One duty: a unit's role on a work item, after collective phrases are expanded. */
export interface Assignment {
  readonly workItemId: WorkItemId;
  readonly unitId: UnitId;
  readonly role: AssignmentRole;
  /** The collective phrase the unit came from (各乡镇街道 …), when it was not named itself. */
  readonly via?: { readonly collective: CollectiveKey; readonly phrase: string };
}

/** 牵头 (lead) or 责任 (responsible). */
export type AssignmentRole = 'lead' | 'responsible';
